"""The bot's introduction and its help, in each language a circle may write in."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.phrases import language_index

_SETTINGS = (
    "/timezone London · /language en es · /quiet 21:00-08:00 · /digest 08:30 | off · "
    "/mute /unmute · /urgent off | on · /snooze N … · /role GP · /forget · /forgetme"
)
_LISTS = "/tasks (/tasks 2 …) /mine /decisions /done /plan /contacts · /export (json, ics, fhir)"

HELP: tuple[str, ...] = (
    "I keep this circle's tasks and decisions. Just talk as usual:\n"
    '• "can someone pick up Mum\'s prescription Friday 3pm?" → a task, marked ✍\n'
    '• "I\'ll take it" (as a reply), "#4 me", ✋ → it\'s yours · "can\'t make it after all" → '
    "hand it back\n"
    '• "done", "#4 done", ✅ → done · "we decided …", "decision: …" → a decision, marked 🤝\n'
    '• reply "not a task" to remove a false one · "undo" takes back your last change\n'
    '• "the GP is Dr Levin, 020 7946 0000", /contact GP Dr Levin 020 7946 0000 → a contact 📇 · '
    '"where are we with Mum\'s care?", /plan → the plan\n'
    f"Lists: {_LISTS}\nIn a private chat with me, /mine lists what you hold in all your "
    f"circles.\nAnyone can change: {_SETTINGS}",
    "Guardo las tareas y decisiones de este círculo. Hablad como siempre:\n"
    '• "¿alguien puede recoger la receta de mamá el viernes a las 15?" → una tarea, marcada ✍\n'
    '• "me encargo" (respondiendo), "#4 yo", ✋ → es tuya · "ya no puedo" → la devuelves\n'
    '• "hecho", "#4 hecho", ✅ → hecha · "hemos decidido …", "decision: …" → una decisión, '
    "marcada 🤝\n"
    '• responde "no es una tarea" para quitar una falsa · "deshacer" anula tu último cambio\n'
    '• "el médico de cabecera es el Dr. Ruiz, 912 345 678", /contact … → un contacto 📇 · '
    '"¿cómo vamos con el cuidado de mamá?", /plan → el plan\n'
    f"Listas: {_LISTS}\nEn un chat privado conmigo, /mine lista lo que tienes en todos tus "
    f"círculos.\nCualquiera puede cambiar: {_SETTINGS}",
    "Je garde les tâches et décisions de ce cercle. Parlez comme d'habitude :\n"
    "• « quelqu'un peut chercher l'ordonnance de maman vendredi 15h ? » → une tâche, marquée ✍\n"
    "• « je m'en charge » (en réponse), « #4 moi », ✋ → elle est à vous · « je ne peux "
    "plus » → vous la rendez\n"
    "• « fait », « #4 fait », ✅ → faite · « on a décidé … », « decision: … » → une décision, "
    "marquée 🤝\n"
    "• répondez « pas une tâche » pour en retirer une fausse · « annuler » défait votre dernier "
    "changement\n"
    "• « la pharmacie c'est la Pharmacie du Marché, 01 23 45 67 89 », /contact … → un contact "
    "📇 · « où en est-on pour maman ? », /plan → le plan\n"
    f"Listes : {_LISTS}\nEn privé avec moi, /mine liste ce que vous avez dans tous vos "
    f"cercles.\nTout le monde peut régler : {_SETTINGS}",
    "Ich merke mir die Aufgaben und Entscheidungen dieses Kreises. Schreibt einfach wie immer:\n"
    "• „Kann jemand Mamas Rezept Freitag um 15 Uhr abholen?“ → eine Aufgabe, markiert mit ✍\n"
    "• „übernehme ich“ (als Antwort), „#4 ich“, ✋ → sie gehört dir · „kann ich doch nicht mehr“ "
    "→ du gibst sie ab\n"
    "• „erledigt“, „#4 erledigt“, ✅ → erledigt · „wir haben entschieden …“, „decision: …“ → "
    "eine Entscheidung, markiert mit 🤝\n"
    "• antworte „keine Aufgabe“, um eine falsche zu entfernen · „rückgängig“ nimmt deine letzte "
    "Änderung zurück\n"
    "• „der Hausarzt ist Dr. Weber, 030 1234567“, /contact … → ein Kontakt 📇 · „wie steht es "
    "um Mamas Pflege?“, /plan → der Plan\n"
    f"Listen: {_LISTS}\nIm privaten Chat mit mir zeigt /mine, was du in all deinen Kreisen "
    f"hast.\nJeder kann einstellen: {_SETTINGS}",
    "Guardo as tarefas e decisões deste círculo. Conversem como sempre:\n"
    '• "alguém pode buscar a receita da mãe sexta às 15h?" → uma tarefa, marcada ✍\n'
    '• "deixa comigo" (respondendo), "#4 eu", ✋ → é sua · "não vou conseguir" → devolve\n'
    '• "feito", "#4 feito", ✅ → feita · "decidimos …", "decision: …" → uma decisão, marcada 🤝\n'
    '• responda "não é tarefa" para tirar uma falsa · "desfazer" anula a sua última mudança\n'
    '• "o médico de família é o Dr. Costa, 21 123 4567", /contact … → um contacto 📇 · '
    '"como estamos com os cuidados da mãe?", /plan → o plano\n'
    f"Listas: {_LISTS}\nNum chat privado comigo, /mine lista o que você tem em todos os seus "
    f"círculos.\nQualquer um pode mudar: {_SETTINGS}",
    "Tengo i compiti e le decisioni di questo cerchio. Scrivete come sempre:\n"
    '• "qualcuno può ritirare la ricetta della mamma venerdì alle 15?" → un compito, segnato ✍\n'
    '• "ci penso io" (in risposta), "#4 io", ✋ → è tuo · "non riesco più" → lo lasci\n'
    '• "fatto", "#4 fatto", ✅ → fatto · "abbiamo deciso …", "decision: …" → una decisione, '
    "segnata 🤝\n"
    '• rispondi "non è un compito" per toglierne uno falso · "annulla" disfa la tua ultima '
    "modifica\n"
    '• "il medico di base è il dott. Bianchi, 06 1234 5678", /contact … → un contatto 📇 · '
    '"a che punto siamo con la mamma?", /plan → il piano\n'
    f"Elenchi: {_LISTS}\nIn chat privata con me, /mine elenca quello che hai in tutti i tuoi "
    f"cerchi.\nChiunque può cambiare: {_SETTINGS}",
)

INTRO: tuple[str, ...] = (
    "👋 Hello, I'm carecircle. I keep this circle's shared memory: tasks, who has them, and "
    "decisions. Nobody needs to register or approve anything — just talk as usual. "
    "/help shows how. Everything I keep, everyone here can see.",
    "👋 Hola, soy carecircle. Guardo la memoria compartida del círculo: tareas, quién las tiene "
    "y decisiones. Nadie tiene que registrarse ni aprobar nada: hablad como siempre. /help "
    "explica cómo. Todo lo que guardo lo puede ver todo el grupo.",
    "👋 Bonjour, je suis carecircle. Je garde la mémoire commune du cercle : les tâches, qui "
    "s'en charge, et les décisions. Personne n'a à s'inscrire ni à valider quoi que ce soit : "
    "parlez comme d'habitude. /help explique comment. Tout ce que je garde, tout le groupe "
    "le voit.",
    "👋 Hallo, ich bin carecircle. Ich merke mir, was der Kreis teilt: Aufgaben, wer sie "
    "übernommen hat, und Entscheidungen. Niemand muss sich anmelden oder etwas freigeben – "
    "schreibt einfach wie immer. /help erklärt, wie. Alles, was ich speichere, sehen alle hier.",
    "👋 Olá, sou o carecircle. Guardo a memória partilhada do círculo: tarefas, quem ficou com "
    "elas e decisões. Ninguém precisa se registrar nem aprovar nada — conversem como sempre. "
    "/help explica como. Tudo o que guardo, todos aqui podem ver.",
    "👋 Ciao, sono carecircle. Tengo la memoria condivisa del cerchio: i compiti, chi li ha "
    "presi e le decisioni. Nessuno deve registrarsi o approvare niente: scrivete come sempre. "
    "/help spiega come. Tutto quello che tengo lo vedono tutti qui.",
)


def help_text(languages: Sequence[str]) -> str:
    return HELP[language_index(tuple(languages))]


def intro_text(languages: Sequence[str]) -> str:
    return INTRO[language_index(tuple(languages))]
