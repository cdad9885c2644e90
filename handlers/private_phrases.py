"""What the bot says in a member's private chat: how to start a circle, /mine, /newcircle.

Each entry: key → (en, es, fr, de, pt, it), merged into ``handlers.phrasebook.PHRASES``.
"""

from __future__ import annotations

_EXAMPLE = "/newcircle Mum's care @ann:example.org @bob:example.org"

PRIVATE_PHRASES: dict[str, tuple[str, str, str, str, str, str]] = {
    "private.welcome": (
        "👋 I keep a care circle's shared memory (tasks, who has them, decisions) inside the "
        "circle's own group chat. To start one:\n1. {add_me}\n2. Everyone writes there as "
        'usual.\n3. Ask in plain words: "can someone pick up Mum\'s prescription Friday 3pm?"\n'
        "Here, /mine lists what you hold in all your circles.",
        "👋 Guardo la memoria compartida de un círculo de cuidados (tareas, quién las tiene, "
        "decisiones) dentro del propio chat de grupo. Para empezar uno:\n1. {add_me}\n2. Todos "
        'escriben allí como siempre.\n3. Pedid con palabras normales: "¿alguien puede recoger '
        'la receta de mamá el viernes a las 15?"\nAquí, /mine lista lo que tienes en todos tus '
        "círculos.",
        "👋 Je garde la mémoire commune d'un cercle d'aidants (les tâches, qui s'en charge, les "
        "décisions) dans le groupe de discussion du cercle. Pour en commencer un :\n1. {add_me}"
        "\n2. Chacun y écrit comme d'habitude.\n3. Demandez en mots simples : « quelqu'un peut "
        "chercher l'ordonnance de maman vendredi 15h ? »\nIci, /mine liste ce que vous avez "
        "dans tous vos cercles.",
        "👋 Ich merke mir, was ein Pflegekreis teilt (Aufgaben, wer sie hat, Entscheidungen), "
        "direkt im Gruppenchat des Kreises. So fangt ihr an:\n1. {add_me}\n2. Alle schreiben "
        "dort wie immer.\n3. Bittet in normalen Worten: „Kann jemand Mamas Rezept Freitag um "
        "15 Uhr abholen?“\nHier zeigt /mine, was du in all deinen Kreisen übernommen hast.",
        "👋 Guardo a memória partilhada de um círculo de cuidados (tarefas, quem ficou com elas, "
        "decisões) dentro do próprio chat de grupo. Para começar um:\n1. {add_me}\n2. Todos "
        'escrevem lá como sempre.\n3. Peçam com palavras normais: "alguém pode buscar a '
        'receita da mãe sexta às 15h?"\nAqui, /mine lista o que você tem em todos os seus '
        "círculos.",
        "👋 Tengo la memoria condivisa di un cerchio di cura (i compiti, chi li ha presi, le "
        "decisioni) dentro la chat di gruppo del cerchio. Per cominciarne uno:\n1. {add_me}\n"
        '2. Tutti scrivono lì come sempre.\n3. Chiedete a parole: "qualcuno può ritirare la '
        'ricetta della mamma venerdì alle 15?"\nQui, /mine elenca quello che hai in tutti i '
        "tuoi cerchi.",
    ),
    "start.add_group": (
        "Add me to your family group: {address}",
        "Añádeme al grupo de la familia: {address}",
        "Ajoutez-moi au groupe de la famille : {address}",
        "Füge mich zur Familiengruppe hinzu: {address}",
        "Adicione-me ao grupo da família: {address}",
        "Aggiungimi al gruppo della famiglia: {address}",
    ),
    "start.add_room": (
        f"Invite me ({{address}}) to your family's room, or send me here “{_EXAMPLE}” and I "
        "make an encrypted room for the circle and invite them.",
        f"Invítame ({{address}}) a la sala de la familia, o envíame aquí «{_EXAMPLE}» y creo "
        "una sala cifrada para el círculo y los invito.",
        f"Invitez-moi ({{address}}) dans le salon de la famille, ou envoyez-moi ici « {_EXAMPLE} "
        "» et je crée un salon chiffré pour le cercle et les y invite.",
        f"Lade mich ({{address}}) in den Raum der Familie ein, oder schick mir hier „{_EXAMPLE}“"
        " und ich lege einen verschlüsselten Raum für den Kreis an und lade sie ein.",
        f"Convide-me ({{address}}) para a sala da família, ou envie-me aqui “{_EXAMPLE}” e eu "
        "crio uma sala cifrada para o círculo e convido-os.",
        f"Invitami ({{address}}) nella stanza della famiglia, o mandami qui «{_EXAMPLE}» e creo "
        "una stanza cifrata per il cerchio e li invito.",
    ),
    "private.held": (
        "What you hold in your circles:",
        "Lo que tienes en tus círculos:",
        "Ce que vous avez dans vos cercles :",
        "Was du in deinen Kreisen übernommen hast:",
        "O que você tem nos seus círculos:",
        "Quello che hai nei tuoi cerchi:",
    ),
    "private.none_held": (
        "You hold no open tasks in your circles.",
        "No tienes tareas abiertas en tus círculos.",
        "Vous n'avez aucune tâche ouverte dans vos cercles.",
        "Du hast in deinen Kreisen keine offenen Aufgaben.",
        "Você não tem tarefas abertas nos seus círculos.",
        "Non hai compiti aperti nei tuoi cerchi.",
    ),
    "private.more": (
        "… and {count} more: /mine in each circle lists all of yours there.",
        "… y {count} más: /mine en cada círculo lista todas las tuyas allí.",
        "… et {count} de plus : /mine dans chaque cercle liste toutes les vôtres.",
        "… und {count} weitere: /mine in jedem Kreis zeigt dort alle deine.",
        "… e mais {count}: /mine em cada círculo lista todas as suas lá.",
        "… e altri {count}: /mine in ogni cerchio elenca lì tutti i tuoi.",
    ),
    "private.unnamed": (
        "A circle",
        "Un círculo",
        "Un cercle",
        "Ein Kreis",
        "Um círculo",
        "Un cerchio",
    ),
    "newcircle.usage": (
        f"Name the circle and whom to invite: “{_EXAMPLE}”",
        f"Di el nombre del círculo y a quién invitar: «{_EXAMPLE}»",
        f"Donnez le nom du cercle et qui inviter : « {_EXAMPLE} »",
        f"Nenne den Kreis und wen ich einladen soll: „{_EXAMPLE}“",
        f"Diga o nome do círculo e quem convidar: “{_EXAMPLE}”",
        f"Dimmi il nome del cerchio e chi invitare: «{_EXAMPLE}»",
    ),
    "newcircle.bad_ids": (
        "These are not user ids: {ids}. A user id looks like @ann:example.org; nothing was made.",
        "Estos no son identificadores de usuario: {ids}. Uno se ve así: @ann:example.org; no "
        "he creado nada.",
        "Ce ne sont pas des identifiants : {ids}. Un identifiant ressemble à @ann:example.org ; "
        "rien n'a été créé.",
        "Das sind keine Nutzer-IDs: {ids}. Eine sieht so aus: @ann:example.org; ich habe nichts "
        "angelegt.",
        "Estes não são identificadores de utilizador: {ids}. Um parece-se com @ann:example.org; "
        "não criei nada.",
        "Questi non sono ID utente: {ids}. Un ID è come @ann:example.org; non ho creato niente.",
    ),
    "newcircle.made": (
        "🔒 I made the encrypted room “{name}” and invited {people}. Once you join, it works "
        "as any circle.",
        "🔒 He creado la sala cifrada «{name}» y he invitado a {people}. En cuanto entréis, "
        "funciona como cualquier círculo.",
        "🔒 J'ai créé le salon chiffré « {name} » et invité {people}. Dès que vous y entrez, "
        "il marche comme tout cercle.",
        "🔒 Ich habe den verschlüsselten Raum „{name}“ angelegt und {people} eingeladen. "
        "Sobald ihr beitretet, ist er ein Kreis wie jeder andere.",
        "🔒 Criei a sala cifrada “{name}” e convidei {people}. Assim que entrarem, funciona "
        "como qualquer círculo.",
        "🔒 Ho creato la stanza cifrata «{name}» e invitato {people}. Appena entrate, funziona "
        "come ogni cerchio.",
    ),
    "newcircle.not_invited": (
        "I could not invite {people}: check their user ids and invite them from the room.",
        "No pude invitar a {people}: revisa sus identificadores e invítalos desde la sala.",
        "Je n'ai pas pu inviter {people} : vérifiez leurs identifiants et invitez-les depuis "
        "le salon.",
        "{people} konnte ich nicht einladen: prüfe ihre IDs und lade sie im Raum ein.",
        "Não consegui convidar {people}: verifique os identificadores e convide-os na sala.",
        "Non sono riuscito a invitare {people}: controlla i loro ID e invitali dalla stanza.",
    ),
    "newcircle.failed": (
        "I could not make the room just now; please try again in a while.",
        "Ahora no he podido crear la sala; inténtalo de nuevo dentro de un rato.",
        "Je n'ai pas pu créer le salon pour l'instant ; réessayez dans un moment.",
        "Ich konnte den Raum gerade nicht anlegen; versuch es bitte später noch einmal.",
        "Não consegui criar a sala agora; tente de novo daqui a pouco.",
        "Non sono riuscito a creare la stanza ora; riprova tra un po'.",
    ),
}
