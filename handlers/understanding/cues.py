"""The words by which a circle asks, takes on, hands back, finishes and decides, per language.

Each pattern is matched against the lowercased message (typographic apostrophes made plain).
They describe how people phrase an act, never particular messages: a request names *someone*
("can someone…", "alguien puede…", "kann wer…"); a claim is a firm first person ("I'll take
it", "me encargo", "übernehm ich"); a hand-back gives something back; a decision is the circle
settling ("we've decided", "queda decidido", "abgemacht"). Conditionals and info questions are
listed separately because they look like requests and claims but ask nothing of anyone.
"""

from __future__ import annotations

import re
from functools import cache

REQUEST: dict[str, tuple[str, ...]] = {
    "en": (
        r"(?:can|could|would|will) (?:some(?:one|body)|any(?:one|body)|one of (?:us|you)|whoever)",
        r"(?:can|could) (?:we|you) (?:get|find|have) (?:some(?:one|body)|any(?:one|body))",
        r"(?:some(?:one|body)|any(?:one|body)) (?:can|could|free|able|around|available)\b",
        r"(?:some(?:one|body)) (?:needs|has|have|must|should) to\b",
        r"we(?:'ll| will)? need (?:some(?:one|body)|(?:a |an )?(?:rides?|lifts?|help|volunteers?))",
        r"\bwho can\b",
        r"\b(?:need|needed|we need|i need)\s+(?:a|an|one|another|two|some)\s+(?:driver|body|"
        r"spotter|volunteer|pair of hands|hand|lift|ride|carer|sitter)s?\b",
        r"\b(?:rides?|drivers?|volunteers?|lifts?|a hand|hands) needed\b",
        r"\bcould do with (?:some(?:one|body)|a hand|help|another pair of hands)\b",
        r"\bplease come (?:now|over|round|quick|asap)\b",
        r"\bis (?:it )?possible (?:for )?(?:some(?:one|body)|any(?:one|body))\b",
        r"\bhas to be some(?:one|body)\b|\bif there(?:'s| is) some(?:one|body) to\b",
        r"\b(?:is )?any(?:one|body) (?:close|near|nearby|around|free|about)\b",
        r"(?<!with )(?<!to )\bwhoever\b",
        r"\bany(?:one|body) (?:who|that)\b[^.!?]*\?|\bwhenever some(?:one|body)\b",
        r"\bplease any(?:one|body)\b",
        r"\b(?:before|by) [^.!?]{1,30}\bplea+se\b",
        r"\bsome(?:one|body)\b[^.!?]{0,60}\bplea+se\b(?! (?:tell|explain|remind me))",
        r"\bwith some(?:one|body)\b[^.!?]*\?|\b(?:roster|rota) time\b|\bwho fit\b",
        r"\bwho(?:'s| is) the other\b|\bneed (?:one|two) of us\b|\bif you(?:'re| are) in\b",
        r"\b(?:pls|please|kindly) (?:ensure|make sure|arrange)\b",
        r"\bsome(?:one|body) (?:must|will need to|will have to|'ll need to|'ll have to)\b",
        r"\bwho(?:'s| is) (?:in|near|nearby|close|closest)\s*\?",
        r"\b(?:can|could) we (?:cover|share|split)\b",
        r"\blet(?:'s| us) (?:share|split|cover|take turns|rota)\b",
        r"\bneeds? (?:a )?(?:rides?|lifts?|a hand|help)\b(?! with (?:that|this)\b)",
        r"\bneeds? (?:[\w']+ ){1,5}?(?:gritted|cleared|shovel?led|collected|picked up|moved|"
        r"taken out|fixed|checked|changed|cleaned|washed|signed|labell?ed)\b",
        r"\b(?:could|can|may) i ask (?:some(?:one|body)|any(?:one|body)|one of you)\b",
        r"\bneeds? (?:\w+ ){0,2}(?:picking up|collecting|dropping off|doing|fixing|sorting|"
        r"taking|bringing|driving)\b",
        r"\b(?:can|could|shall) we (?:get|do|set up|organi[sz]e|split|share|take|line up|arrange|"
        r"sort out|roster)\b[^.?!]{0,30}"
        r"\b(?:rota|roster|rotation|turns|it|lifts?|rides?|help|cover|some(?:one|body))\b",
        r"\bany(?:one|body) (?:have|got|has)\b[^.!?]*\?",
        r"\bany(?:one|body) who(?:'s| is)? [^.!?]{0,40}\bcan\b",
        r"\b(?:can|could) (?:a couple|two|some|one|a few) of us\b",
        r"\bneeds? some(?:one|body) with\b",
        r"\b(?:who has|who's got|quién tiene|qui a|wer hat|quem tem|chi ha) "
        r"(?:a |an |un |una |uma |ein(?:en)? )?(?:car|van|truck|ute|auto|coche|carro|voiture|"
        r"camionnette|wagen|macchina|furgone)\b",
        r"\bany(?:one|body) (?:\w+ ){0,2}able to\b",
        r"\bvolunteers? needed\b|\blooking for (?:some(?:one|body)|volunteers?|a volunteer|help)\b",
        r"\bany (?:volunteers?|takers?)\b",
        r"\bwe need (?:a |some )?(?:volunteers?|drivers?|hands|people)\b",
        r"\b(?:some(?:one|body)|any(?:one|body)) please\b(?! (?:tell|explain|remind me))",
        r"\bneeds? (?:some(?:one|body)|a volunteer|a driver) to\b(?! (?:talk|listen|vent|chat)\b)",
        r"\b(?:can|could) (?:a|one) (?:family member|volunteer|neighbou?r|of (?:us|you))\b",
        r"\bis any(?:one|body) (?:free|able|around|available)\b",
        r"\bwho(?:'s| is) (?:free|able|around|available)\b",
        r"\bany(?:one|body|one free|body free)\s*\?",
        r"^(?:todo|to-do|to do)\s*:",
        r"\bneeds? (?:her|his|their|my|the|our) [\w' ]{2,30} (?:picked up|collected|done|dropped"
        r" off|delivered|fixed|sorted|booked)\b",
    ),
    "es": (
        r"alguien (?:(?:me|te|le|la|lo|les|las|los|nos|se) )*(?:puede|podría|pueda|podrá|"
        r"acompaña|lleva|va|viene|tiene tiempo|se anima|se ofrece)",
        r"¿\s*alguien\b",
        r"que alguien\b",
        r"necesit(?:o|a|amos|an) (?:a )?(?:alguien|gente|ayuda|voluntari)",
        r"\balguien tiene que\b",
        r"\bhay que (?!ver|tener|decir|reconocer)\w+(?:la|lo|le|las|los)\b",
        r"quién (?:puede|podría|se anima|la|lo|le|me|nos)\b",
        r"quién se \w+[^.!?]{0,60}\?",
        r"\b(?:armamos|hacemos|organizamos) (?:turnos|un turno|una ronda)\b|\bnos turnamos\b",
        r"\bnos organizamos\b",
        r"\b(?:el|la) que pueda\b|\bquien pueda\b",
    ),
    "fr": (
        r"quelqu'un (?:(?:me|te|le|la|les|lui|leur|nous|en|y) )*(?:peut|pourrait|pourra|saurait|"
        r"sait (?!si|où|quand|comment|pourquoi|qui|quoi|ce)|serait dispo|est dispo|"
        r"aurait le temps)",
        r"que quelqu'un\b",
        r"(?:on a|nous avons|il nous faut) besoin de quelqu'un",
        r"qui (?:\w+ )?(?:peut|pourrait|pourra|est dispo)\b",
        r"\b(?:il|ça) (?:nous |me )?(?:faut|faudrait|faudra|prend|prendrait|prendra) "
        r"quelqu'un\b",
        r"\b(?:il )?faut (?:juste |absolument )?(?:aller |passer )?(?:la |le |les |l'|lui |leur )?"
        r"(?:chercher|récupérer|prendre|apporter|amener|conduire|emmener|déposer|acheter)\b",
        r"\bserait-il possible qu",
    ),
    "de": (
        r"(?:kann|könnte|kannst|könntet|würde) (?:\w+ ){0,3}(?:jemand|wer)\b(?! weiß)",
        r"(?:wir )?(?:brauchen|bräuchten) (?:wir )?(?:wieder |noch )?(?:jemand(?:en)?|wen|hilfe|"
        r"leute|fahrer\w*)\b",
        r"(?:braucht?|bräuchte)(?:'s)? (?:\w+ ){0,5}(?:jemand(?:en)?|wen)\b",
        r"\bwer \w+t\b[^.!?]{0,50}\?",
        r"\bbitte (?:\w+ ){0,3}wer\b",
        r"wer (?:kann|könnte|hat zeit|hätte zeit|mag|würde)\b",
    ),
    "pt": (
        r"alguém (?:perto |aí |disponível )?(?:(?:me|te|lhe|o|a|os|as|nos|se) )*(?:pode|poderia|"
        r"consegue|conseguiria|"
        r"topa|leva|vai|tem tempo)",
        r"que alguém\b",
        r"precisamos de (?:alguém|ajuda|gente)",
        r"\bé preciso alguém\b|\balguém (?:precisa|tem que|tem de)\b",
        r"quem (?:(?:a|o|me|lhe|as|os) )?(?:pode|poderia|consegue|topa)\b",
        r"\balguém (?!sabe|viu|lembra|conhece)[^.!?]{0,60}\?",
        r"\bprecisa(?:-se)? (?:de )?(?:comprar|buscar|levar|carona|alguém|ajuda|uma boleia)\b",
        r"\bprecisava (?:que|de) (?:um|uma|alguém)\b",
    ),
    "it": (
        r"qualcuno (?:(?:mi|ti|gli|le|la|lo|li|ci|vi|se) )*(?:può|potrebbe|riesce|ha tempo|"
        r"è libero|è libera|se la sente|va|passa|disposto|disposta|disponibile|deve|dovrebbe)",
        r"\bvenite (?:subito|qui|presto)\b",
        r"\bserve (?:uno di noi|una persona|che (?:qualcuno|una persona|uno))\b",
        r"\bva(?:nno)? (?:ritirat|portat|pres|accompagnat|comprat)[oaie]\b",
        r"\bserve (?:una mano|aiuto)\b",
        r"\bbisogna (?!dire|ammettere|ricordare|vedere|sperare)\w+",
        r"(?:serve|servirebbe|ci serve|(?:ha|hanno|abbiamo) bisogno di) qualcuno",
        r"che qualcuno\b",
        r"\bchi (?:(?:la|lo|li|le|ci|gli|mi) )?\w+[^.!?\n]{0,80}\?",
        r"\bchi (?:riesce|può|potrebbe|ha tempo)\b",
    ),
}

CLAIM: dict[str, tuple[str, ...]] = {
    "en": (
        r"\bi(?:'ll| will) (?:take|do|grab|get|go|pick|drive|bring|cover|handle|sort|be there|"
        r"collect|ring|call|sit|pop|come|swing|move|look after|check|feed|walk|visit|fetch|have|"
        r"deal|see to|take care)\b",
        r"^(?:\w+[,!]? )?(?:i )?got (?:it|this|that)\b(?! (?:done|sorted|back|home|fixed))",
        r"\bworks? for me\b",
        r"^coming\b|[.!,] coming\s*[.!]*\s*$",
        r"(?<!if )\bi can(?=\s*[,.!]|\s*$)",
        r"\bi fit (?:do|carry|take|go|bring)\b|\bi do it\b|\botw\b",
        r"\bi can (?:do|take|drive|go|pick|bring|cover|grab|sit|come)\b",
        r"\bi(?:'ve| have) got (?:#|task |it\b|this\b|that\b)",
        r"\b(?:put|count|sign) me (?:down|in|up)\b",
        r"^(?:\w+[,!]? )?on (?:it\b|#\d)",
        r"\bleave (?:it|that(?: one)?|this(?: one)?|the [\w ]{1,20}) (?:with|to) me\b",
        r"\bput my name (?:on|down)\b",
        r"\bi(?:'ve)? got (?:#\d|task \d|it\b|this\b|that\b|(?:mon|tues|wednes|thurs|fri|satur|"
        r"sun)days?\b)",
        r"^(?:\w+[,!]? )?i take\b",
        r"\bi(?:'ll| will) be (?:the (?:second|other|driver|one)|there)\b",
        r"\bput (?:me|\w+) down for\b",
        r"\b(?:have|got) (?:\w+ (?:and \w+ )?)?covered\b",
        r"^(?:\w+[,!]? )?(?:will do|me\b[.!]|mine\b)",
        r"\b(?:is|are) mine\b",
        r"\bi(?:'m| am) (?:on|taking|doing) (?:it|#|task)",
        r"\bomw\b|\bon my way\b",
        r"\b(?:i'm |i am )?(?:going|heading|leaving) (?:now|over|there|round)\b",
        r"^(?:\w+[,!]? )?happy to\b",
        r"\bcount me in\b",
        r"\bi(?:'ve| have) got (?:this|it)\b",
    ),
    "es": (
        r"\b(?:yo )?me (?:encargo|ocupo|lo aviento|la aviento|apunto|apunto yo)\b",
        r"\b(?:lo|la|le|los|las) (?:llevo|hago|acompaño|recojo|cubro) yo\b",
        r"^yo[!.]",
        r"^(?:\w+[,!]? )?(?:yo )?le llevo\b",
        r"\bcuent(?:a|en|an) conmigo\b",
        r"\bme pido\b|\bme apunto\b",
        r"^(?:\w+[,!]? )?yo (?:la|lo|le|los|las) \w+",
        r"^(?:\w+[,!]? )?yo puedo\b",
        r"^(?:\w+[,!]? )?yo (?:paso|voy|llevo|hago|recojo|compro|tomo|me quedo con)\b",
        r"\bme (?:lo|la|los|las) (?:quedo|aviento|pido)\b|\bme hago cargo\b",
        r"^(?:\w+[,!]? )?(?:yo )?voy(?: yo)?\b(?! a (?:estar|ver|pensar))",
    ),
    "fr": (
        r"\bje m'en (?:occupe|charge)\b",
        r"\bmoi je (?:sais|peux|prends|vais|m'en occupe)\b",
        r"\bje (?:prends|peux le faire|le fais|la fais|l'emmène|y vais)\b",
        r"\bcompte[zs]? sur moi\b",
        r"\bj'y vais\b|\bj'y passe\b|\bje m'y colle\b|\b(?:chu|je suis) capable\b",
        r"^(?:ok|oui|d'accord) pour moi\b",
        r"\bje (?:lui|leur) (?:dépose|apporte|amène|emmène)\b",
        r"^(?:\w+[,!]? )?je (?:l'|le |la |les )?(?:accompagne|emmène|amène|conduis|récupère)\b",
        r"\bm(?:ets|ettez) mon nom\b|\binscri(?:s|vez)[- ]moi\b",
        r"^(?:ok|oui|d'accord)(?: pour moi)?[,!.]? je (?:lui |leur |la |le )?"
        r"(?:apporte|amène|emmène|passe|fais|prends)\b",
    ),
    "de": (
        r"\b(?:übernehm|übernehme|übernimm|mach|mache|nehm|nehme) ich\b",
        r"\bich (?:machs|mach das|mache das|übernehme|kümmer|kümmere)\b",
        r"\bich bin dabei\b",
        r"\bich (?:kann|chan) (?:das |es )?(?:übernehmen|übernäh|machen|mache)\b",
        r"\btrag(?:t)? mich (?:ein|für)\b",
        r"^(?:\w+[,!]? )?geht klar\b",
        r"\b(?:\w+ )?kann ich(?:\s*[,.!]|\s*$| machen\b| übernehmen\b)",
        r"\bkann ich (?:machen|übernehmen)\b|\bmach(?:e)? ich gerne?\b",
    ),
    "pt": (
        r"\bdeixa (?:comigo|que eu)\b",
        r"^(?:\w+[,!]? )?(?:levo|faço|vou|busco|pego|compro) eu\b",
        r"\btô indo\b|\bestou indo\b|\bvou eu\b",
        r"\bpode deixar\b",
        r"\bfico eu\b|\b(?:tô|estou) (?:saindo|a sair|a caminho)\b",
        r"\bfico (?:eu )?com (?:a|o|as|os)\b",
        r"^(?:\w+[,!]? ){0,2}eu (?:levo|busco|pego|compro|faço|vou)\b",
        r"\b(?:eu )?trato disso\b|\btrato eu\b",
        r"\b(?:pode|podem) contar comigo\b|\bconta comigo\b",
        r"^(?:\w+[,!]? )?(?:vou já|já vou|estou a ir|vou agora)\b",
    ),
    "it": (
        r"\bci penso io\b",
        r"\bsegna(?:te)?mi\b|\bmettete?mi\b",
        r"^(?:\w+[,!]? )?arrivo\b",
        r"\bme ne occupo(?: io)?\b",
        r"\b(?:lo|la|li|le|ci|ne) \w+o io\b",
        r"\bvado io\b|\bpasso io\b|\bci vado\b|\bcont(?:a|ate) (?:pure )?su di me\b",
        r"\b(?:prendo|faccio|porto|accompagno) io\b|\bio ci sono\b",
    ),
}

UNCLAIM: dict[str, tuple[str, ...]] = {
    "en": (
        r"\b(?:(?:have|need|got) to|gotta) (?:drop|give (?:back|up)|hand (?:back|over)|pull out of|"
        r"skip my)\b",
        r"\b(?:give|giving|hand|handing) (?:back|up) (?:my |#|task|the )",
        r"(?:^|\bi )can(?:'t|not) (?:do|make|manage|cover|take|keep)\b[^.!?]*\b(?:anymore|any more|"
        r"any longer|after all|again)",
        r"\bhand (?:#\d+|it|this|that|task \d+|my \w+) back\b",
        r"\bsome(?:one|body) (?:will|would|'ll) (?:need|have) to take (?:my|over)\b",
        r"(?:^|\bi )can(?:'t|not) (?:do|keep|make|manage|cover|take) my\b",
        r"\bi can(?:'t|not) keep doing\b",
        r"\b(?:bow|pull|step) out of\b",
        r"\bi (?:was down for|signed up for|said i'd)\b[^.!?]{0,60}\bbut\b",
        r"\bsome(?:one|body) else (?:will have|has|needs) to take\b",
        r"\bunclaim\b|\bdrop(?:ping)? (?:out of )?#\d",
    ),
    "es": (
        r"\bsoltar (?:la|el|mi)\b|\bsuelto (?:lo|la|el)\b",
        r"\balguien me (?:cambia|sustituye|reemplaza|cubre)\b",
        r"\bya no (?:puedo|podré|voy a poder)\b",
        r"\bno puedo\b[^.!?]{0,30}(?:#\d|tarea \d)",
        r"\bdejar (?:la tarea|libre)\b",
    ),
    "fr": (
        r"\b(?:lâcher|laisser tomber|rendre) (?:la tâche|ma|mon|mes|les)\b",
        r"\bje dois (?:laisser|lâcher) (?:les|la|le|mes|ma|mon)\b",
        r"\bje (?:ne peux|peux|ne pourrai|pourrai) plus\b",
        r"\bquelqu'un (?:peut|pourrait) (?:me remplacer|reprendre)\b",
    ),
    "de": (
        r"\b(?:wieder )?abgeben\b",
        r"\bkann (?:ich )?(?:doch )?nicht mehr\b",
        r"\bkann ich\b[^.!?]{0,40}\bnicht (?:machen|übernehmen)\b",
        r"\b(?:hatte|habe) (?:mich )?(?:[\w.]+ ){0,4}(?:eingetragen|übernommen|zugesagt),? aber\b",
        r"\bspringt (?:jemand|wer) für mich ein\b",
    ),
    "pt": (
        r"\bnão vou (?:conseguir|poder)\b",
        r"\balguém (?:troca|me substitui|fica no meu lugar)\b",
        r"\bnão posso mais\b",
        r"\bjá não dá\b|\bnão dá (?:mais )?para mim\b|\bme pode substituir\b",
        r"\bafinal,? não (?:consigo|posso|vou)\b|\balguém fica com a (?:tarefa|#)",
        r"\bnão consigo (?:ir|fazer|levar|ficar|passar)\b|\b(?:vou ter que |tenho que )?largar a\b",
    ),
    "it": (
        r"\bnon posso più\b|\bnon riesco più\b",
        r"\bqualcuno mi (?:sostituisce|cambia|copre|dà il cambio|da il cambio)\b",
        r"\bdevo (?:lasciare|mollare|saltare|rinunciare a) (?:il|la|i|le|gli|al|alla)\b",
    ),
}

DONE: dict[str, tuple[str, ...]] = {
    "en": (
        r"(?:#\d+|task \d+|^it'?s?|^all|^that'?s?)\s*(?:is |'s )?(?:done|sorted|finished|complete|"
        r"handled|taken care of|settled)\b",
        r"^(?:[\w']+ ){0,4}(?<!well )(?:done|sorted|fixed|all fixed|all done|all sorted)\b"
        r"(?! (?:with|in)\b)",
        r"^bought\b|\ball good\s*[.!]?\s*$|\bmission accomplished\b",
        r"^(?:fetched|collected|delivered|dropped off|picked up)\b|\b\w+'s back in\b",
        r"^done with\b|\b\w+'s (?:moved|clear)\b",
        r"^(?:[\w'#]+ ){1,4}(?<!whoever )(?<!who )(?:collected|dropped|delivered|returned|"
        r"picked up|bought|installed|"
        r"cleaned|signed for|taken|paid|sent|posted|booked|fitted|put up|unlocked|cleared|"
        r"shovel?led|ordered|emailed|fed|labell?ed|packed|washed|changed|"
        r"gritted|walked)\b",
        r"^(?:\w+[,!]? )?(?:we|i)(?:'re| are|'m| am) back (?:from|home)\b",
        r"^(?:\w+[,!]? )?(?:dropped|brought|took|picked|collected|delivered|did|fixed|returned|"
        r"gave|got)"
        r" (?:him|her|them|mum|mom|dad|the|his|hers|it|\w+'s)\b",
        r"\b(?:is|'s|are) in[.!,]",
        r"\b(?:is|'s|are) in and\b",
        r"\ball (?:fixed|done|sorted)\b",
        r"^finished\b|\bfinished #\d",
        r"[:—–-]\s*done\b",
    ),
    # In every language: a tick on a message that asks for nothing.
    "*": (
        r"[✅✔☑]",
        r"(?:#\d+|tarea \d+|tâche \d+|aufgabe \d+|tarefa \d+|compito \d+|\b(?:la|el) \d+) "
        r"(?:hecha|hecho|lista|listo|faite|fait|erledigt|feita|feito|fatto|fatta)\b",
    ),
    "es": (
        r"^(?:ya )?(?:hecho|hecha|listo|lista|quedó|ya quedó)\b|^ya está\s*(?:[.!,]|$)",
        r"^(?:[\w]+ ){0,3}(?:entregad|comprad|recogid|llevad|arreglad|instalad)[oa]s?\b",
        r"\bmisión cumplida\b",
    ),
    "fr": (
        r"\bc'est fait\b|\bc'est bon pour\b",
        r"\bje l'ai (?:ramenée?|déposée?|emmenée?|récupérée?|conduite?)\b",
        r"^(?:[\w']+ ){0,3}(?<! a )(?:faite?s?|livrée?s?|récupérée?s?|déposée?s?|"
        r"achetée?s?|déneigée?s?|ramenée?s?|réglée?s?|terminée?s?|rangée?s?)\b",
    ),
    "de": (
        r"(?<!total )(?<!völlig )(?<!ganz )\berledigt\b",
        r"\bhat geklappt\b",
        r"\bhab(?:e)? ich (?:\w+ ){0,3}(?:gebracht|geholt|besorgt|gekauft|erledigt|abgeholt)\b",
        r"^(?:[\w]+ ){0,3}(?:abgeholt|besorgt|gekauft|gebracht|geholt|repariert|abgegeben|"
        r"eingerichtet|aufgebaut|eingecremt|ausgezogen)\b",
        r"^(?:[\w]+ ){0,3}(?:sind|ist) (?:jetzt )?(?:da|drin|aus)\b",
        r"\balles (?:da|erledigt)\b",
    ),
    "pt": (
        r"#\d+ feit[oa]\b|^feit[oa]\b|\bjá (?:está )?feit[oa]\b|\bpronto,? feit[oa]\b",
        r"^(?:\w+[,!]? )?(?:levei|busquei|comprei|entreguei)\b",
        r"^já está\b",
        r"^(?:[\w]+ ){0,3}(?:comprad|entregu|levad|buscad|resolvid|tratad|carregad|instalad|"
        r"montad|testad|feit)"
        r"[oea]s?\b",
        r"\bjá (?:o |a |os |as )?(?:fui \w+|entreguei|levei|comprei|busquei|deixei|tratei)\b",
        r"^(?:\w+[,!]? )?(?:entreguei|levei|busquei|comprei|deixei)\b|\bmissão cumprida\b",
    ),
    "it": (
        r"^fatt[oa]\b|#\d+ fatt[oa]\b",
        r"^(?:[\w]+ ){0,3}(?:fatt|comprat|portat|ritirat|consegnat|sistemat|risistemat)[oaie]\b",
        r"^tutto a posto\b|\bè fatto\b",
    ),
}

DECISION: dict[str, tuple[str, ...]] = {
    "en": (
        r"\bwe(?:'ve| have)? (?:all )?(?:decided|agreed|settled)\b"
        r"(?! (?:it|that it|that he|that she|he|she) (?:was|is|'s|had))",
        r"\b(?:have|has|all) agreed\b",
        r"\b(?:agreed|decided|settled|sorted)\s*(?:[:–—-]|then\b|(?:for|on) #|by all\b)",
        r"\bfinal answer\b|\bthat'?s final\b|\bfinal decision\b|\bfinal\s*:|\bdone deal\b",
        r"\bwe(?:'re| are) going with\b|\bsettled\s*[.!]?\s*$",
        r"\b(?:agreed|decided)\b[^.!?:]{0,30}:|\bfinal na\b|^(?:ok|right|so)[,!]? settled\b",
        r"\bwe (?:figured|worked|sorted) it out\b",
        r"\bagreed\s*[,:]\s*(?:[\w']+ ){0,4}(?:take|takes|do|does|alternate|rotate|split|goes|go|"
        r"gets|will|'ll|we)\b",
        r"\b(?:agreed|decided) (?:last night|today|yesterday|this morning|this evening)\b",
        r"\bdecision\b(?! on whether)",
        r"\bit(?:'s| is) (?:decided|settled|agreed)\b",
    ),
    "es": (
        r"\bqueda(?:mos)? (?:decidido|así|en que|cerrado)\b|\bquedó\s*:",
        r"\b(?:hemos|habíamos) (?:decidido|acordado|quedado)\b",
        r"\bdecidimos\b|\bacordado\b|\bestá decidido\b|\bquedó (?:decidido|acordado)\b",
    ),
    "fr": (
        r"\bc'est décidé\b",
        r"\b(?:on a|nous avons) (?:décidé|convenu)\b",
        r"\bon est (?:tous |toutes )?d'accord\b",
        r"\bc'est (?:tranché|acté|entendu)\b|\bc'est réglé\s*:",
        r"\bdécision\b",
    ),
    "de": (
        r"(?<!hat )(?<!hatte )\bbeschlossen|\bbeschlossen\s*:|\bso machen wir(?:'s|s)?\b",
        r"\babgemacht\b|\bgeeinigt\b|\bausgemacht\b|\babgestimmt\s*(?:mit|:)",
        r"\b(?:wir haben|haben wir) (?:entschieden|beschlossen|vereinbart)\b",
        r"\bentscheidung\b",
    ),
    "pt": (
        r"\bficou (?:decidido|combinado)\b",
        r"\bfechado(?:,)? então\b",
        r"\b(?:tá|está) combinado\b|\bficou (?:então )?assente\b|\bdecidido[.!]?\s*$",
        r"\bfica (?:então )?decidido\b",
        r"\b(?:decidimos|combinamos)\b",
        r"\bestá decidido\b",
    ),
    "it": (
        r"\bè deciso\s*:|\b(?:ok|allora)[,!]? (?:è )?deciso\b|\bdeciso(?: per\b|\s*:)",
        r"\babbiamo (?:deciso|concordato|stabilito)\b",
        r"\bsiamo (?:tutti )?d'accordo\b",
        r"\bdecisione\b",
    ),
}

# Sentences that look like a request or a claim but are not: asking for information,
# offering maybe, declining, musing about what "we should" do.
NOT_AN_ACT: dict[str, tuple[str, ...]] = {
    "en": (
        r"\b(?:does|do|did|has|have) (?:any(?:one|body)|some(?:one|body)) (?:know|seen|heard|got)",
        r"\bany(?:one|body) know\b",
        r"\bi(?:'d| would| could| might)\b[^.!?]*\bbut\b",
        r"\bwish i could\b",
        r"\bif i could\b",
        r"\bneed (?:some(?:one|body)|a friend) to (?:talk|listen|vent|chat)\b",
    ),
    "es": (r"\balguien sabe\b", r"\bsi pudiera\b"),
    "fr": (r"\bquelqu'un sait (?:si|où|quand|comment|pourquoi)", r"\bje pourrais peut-être\b"),
    "de": (r"\bweiß (?:jemand|wer)\b", r"\bkönnte ich vielleicht\b"),
    "pt": (r"\balguém sabe\b",),
    "it": (r"\bqualcuno sa\b", r"\bpotrei forse\b"),
}

URGENT: dict[str, tuple[str, ...]] = {
    "en": (
        r"(?<!not )(?<!not so )\burgent(?:ly)?\b",
        r"\basap\b|\bsos\b",
        r"\bright (?:now|away)\b",
        r"\bstraight away\b",
        r"\bimmediately\b",
        r"\b(?:get|go|come|be) (?:there |in |over |round )?now\b",
        r"\bnow(?: please)?\s*[?!]",
        r"\b(?:in|within) the next (?:hour|half hour|\d+ ?min)",
        r"\bnow[.!]",
        r"\bneed (?:some(?:one|body)|help) now\b",
        r"\bneed\b[^.!?]{0,40}\bnow\s*[!.]*\s*$",
    ),
    "es": (
        r"\burgente\b",
        r"\bya\s*[?!.]",
        r"\bahora mismo\b|\bahorita\b",
        r"\bcuanto antes\b",
        r"\ben (?:los próximos \d+ ?min|la próxima hora)",
    ),
    "fr": (
        r"\burgent\b|\burgence\b",
        r"\btout de suite\b",
        r"\bimmédiatement\b",
        r"\bdans (?:les \d+ ?min|l'heure|la demi-heure)",
    ),
    "de": (
        r"\bdringend\b",
        r"\bsofort\b",
        r"\bnotfall\b",
        r"\bin den nächsten \d+ ?min|\binnerhalb (?:der nächsten|einer) (?:stunde|\d+ ?min)",
    ),
    "pt": (
        r"\burgente\b",
        r"\bagora\s*[?!]",
        r"\bagora mesmo\b|(?<!de )\bagora\b(?! que)|\bsos\b",
        r"\bjá\s*[?!]",
        r"\b(?:nos próximos \d+ ?min|na próxima hora)",
    ),
    "it": (
        r"\burgente\b",
        r"\bsubito\b",
        r"\bimmediatamente\b",
        r"\bentro (?:i prossimi )?\d+ ?min|\bentro un'ora\b|\bnei prossimi \d+ ?min",
    ),
}

_KINDS = {
    "request": REQUEST,
    "claim": CLAIM,
    "unclaim": UNCLAIM,
    "done": DONE,
    "decision": DECISION,
    "not_an_act": NOT_AN_ACT,
    "urgent": URGENT,
}


@cache
def cue(kind: str, languages: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation of a kind's cues in the circle's languages."""
    table = _KINDS[kind]
    chosen = [code for code in languages if code in table] or ["en"]
    patterns = [pattern for code in [*chosen, "*"] for pattern in table.get(code, ())]
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.MULTILINE)
