"""What the bot says, in each language a circle may write in: English, Spanish, French,
German, Portuguese and Italian. Keys are looked up by ``handlers.phrases.phrase``."""

from __future__ import annotations

from handlers.move_phrases import MOVE_PHRASES
from handlers.nudge_phrases import NUDGE_PHRASES
from handlers.plan_phrases import PLAN_PHRASES
from handlers.private_phrases import PRIVATE_PHRASES

# Each entry: key → (en, es, fr, de, pt, it). Placeholders are str.format fields.
LANGUAGES = ("en", "es", "fr", "de", "pt", "it")

# The languages' own names, as each language writes them: LANGUAGE_NAMES[speaking][named].
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": dict(en="English", es="Spanish", fr="French", de="German", pt="Portuguese", it="Italian"),
    "es": dict(en="inglés", es="español", fr="francés", de="alemán", pt="portugués", it="italiano"),
    "fr": dict(
        en="anglais", es="espagnol", fr="français", de="allemand", pt="portugais", it="italien"
    ),
    "de": dict(
        en="Englisch",
        es="Spanisch",
        fr="Französisch",
        de="Deutsch",
        pt="Portugiesisch",
        it="Italienisch",
    ),
    "pt": dict(
        en="inglês", es="espanhol", fr="francês", de="alemão", pt="português", it="italiano"
    ),
    "it": dict(
        en="inglese", es="spagnolo", fr="francese", de="tedesco", pt="portoghese", it="italiano"
    ),
}

PHRASES: dict[str, tuple[str, str, str, str, str, str]] = {
    "ack.unclaimed": (
        '📝 {line} · reply "I\'ll take it" to claim',
        '📝 {line} · responde "me encargo" para tomarla',
        "📝 {line} · répondez « je m'en charge » pour la prendre",
        '📝 {line} · antworte „übernehme ich", um sie zu übernehmen',
        '📝 {line} · responda "deixa comigo" para assumir',
        '📝 {line} · rispondi "ci penso io" per prenderlo',
    ),
    "button.claim": (
        "✋ I'll take it",
        "✋ Me encargo",
        "✋ Je m'en charge",
        "✋ Übernehme ich",
        "✋ Deixa comigo",
        "✋ Ci penso io",
    ),
    "button.done": ("✅ Done", "✅ Hecho", "✅ Fait", "✅ Erledigt", "✅ Feito", "✅ Fatto"),
    "ack.done": (
        "✅ {line} · done by {name}",
        "✅ {line} · hecha por {name}",
        "✅ {line} · faite par {name}",
        "✅ {line} · erledigt von {name}",
        "✅ {line} · feita por {name}",
        "✅ {line} · fatto da {name}",
    ),
    "ack.removed": (
        "🗑 #{number} {title} · removed",
        "🗑 #{number} {title} · eliminada",
        "🗑 #{number} {title} · supprimée",
        "🗑 #{number} {title} · entfernt",
        "🗑 #{number} {title} · removida",
        "🗑 #{number} {title} · rimosso",
    ),
    "task.removed": (
        "🗑 Removed #{number} {title}",
        "🗑 Eliminada: #{number} {title}",
        "🗑 Supprimée : #{number} {title}",
        "🗑 Entfernt: #{number} {title}",
        "🗑 Removida: #{number} {title}",
        "🗑 Rimosso: #{number} {title}",
    ),
    "task.ask": (
        'What is the task? Say "/task pick up the prescription Friday 3pm"',
        '¿Cuál es la tarea? Escribe "/task recoger la receta el viernes a las 15"',
        "Quelle tâche ? Écrivez « /task chercher l'ordonnance vendredi 15h »",
        'Welche Aufgabe? Schreib „/task Rezept abholen Freitag 15 Uhr"',
        'Qual é a tarefa? Escreva "/task buscar a receita sexta às 15h"',
        'Qual è il compito? Scrivi "/task ritirare la ricetta venerdì alle 15"',
    ),
    "holders.nobody": (
        "nobody yet",
        "nadie aún",
        "personne pour l'instant",
        "noch niemand",
        "ninguém ainda",
        "ancora nessuno",
    ),
    "task.missing": (
        "There is no task #{number}.",
        "No hay ninguna tarea #{number}.",
        "Il n'y a pas de tâche #{number}.",
        "Es gibt keine Aufgabe #{number}.",
        "Não há tarefa #{number}.",
        "Non c'è nessun compito #{number}.",
    ),
    "notice.privacy": (
        "⚠️ I can only see commands and replies to me here, so I will miss tasks asked in plain "
        "words. Either fix works:\n1. In Telegram, open @BotFather, send /setprivacy, pick this "
        "bot and choose Disable; then remove me from this group and add me again.\n2. Or make "
        "me an admin of this group (no special rights needed).",
        "⚠️ Aquí solo veo comandos y respuestas a mis mensajes, así que se me escaparán las "
        "tareas pedidas con palabras normales. Cualquiera de estas dos cosas lo arregla:\n1. En "
        "Telegram, abre @BotFather, envía /setprivacy, elige este bot y pulsa Disable; luego "
        "sácame del grupo y vuelve a añadirme.\n2. O hazme administrador del grupo (sin "
        "permisos especiales).",
        "⚠️ Ici je ne vois que les commandes et les réponses à mes messages : je vais manquer "
        "les tâches demandées en mots simples. Au choix :\n1. Dans Telegram, ouvrez @BotFather, "
        "envoyez /setprivacy, choisissez ce bot puis Disable ; ensuite retirez-moi du groupe et "
        "ajoutez-moi à nouveau.\n2. Ou faites de moi un administrateur du groupe (aucun droit "
        "particulier).",
        "⚠️ Ich sehe hier nur Befehle und Antworten auf meine Nachrichten und verpasse "
        "Aufgaben in normalen Worten. Eins von beiden hilft:\n1. In Telegram @BotFather öffnen, "
        "/setprivacy senden, diesen Bot wählen und Disable tippen; dann mich aus der Gruppe "
        "entfernen und wieder hinzufügen.\n2. Oder mich zum Admin der Gruppe machen (ohne "
        "besondere Rechte).",
        "⚠️ Aqui só vejo comandos e respostas às minhas mensagens, por isso vou perder tarefas "
        "pedidas em palavras normais. Qualquer uma resolve:\n1. No Telegram, abra o @BotFather, "
        "envie /setprivacy, escolha este bot e toque em Disable; depois remova-me do grupo e "
        "adicione-me de novo.\n2. Ou torne-me administrador do grupo (sem permissões "
        "especiais).",
        "⚠️ Qui vedo solo i comandi e le risposte ai miei messaggi, quindi mi sfuggiranno i "
        "compiti chiesti a parole. Basta una di queste:\n1. In Telegram apri @BotFather, invia "
        "/setprivacy, scegli questo bot e tocca Disable; poi toglimi dal gruppo e aggiungimi di "
        "nuovo.\n2. Oppure rendimi amministratore del gruppo (senza permessi speciali).",
    ),
    "notice.undecryptable": (
        "🔒 I could not decrypt a message here, so I could not act on it. Please ask the sender "
        "to share keys with my session, or in Element to turn off Settings → Security & Privacy "
        '→ "Never send encrypted messages to unverified sessions". Then send it again.',
        "🔒 No pude descifrar un mensaje aquí, así que no pude actuar. Pide a quien lo envió que "
        "comparta las claves con mi sesión, o en Element que desactive Ajustes → Seguridad y "
        "privacidad → «No enviar nunca mensajes cifrados a sesiones sin verificar». Y que lo "
        "vuelva a enviar.",
        "🔒 Je n'ai pas pu déchiffrer un message ici, donc je n'ai rien pu en faire. Demandez à "
        "son auteur de partager les clés avec ma session, ou dans Element de désactiver "
        "Paramètres → Sécurité et vie privée → « Ne jamais envoyer de messages chiffrés aux "
        "sessions non vérifiées ». Puis de le renvoyer.",
        "🔒 Ich konnte hier eine Nachricht nicht entschlüsseln und daher nichts damit tun. "
        "Bitte den Absender, die Schlüssel mit meiner Sitzung zu teilen, oder in Element "
        "Einstellungen → Sicherheit → „Niemals verschlüsselte Nachrichten an nicht verifizierte "
        "Sitzungen senden“ auszuschalten. Dann bitte noch einmal senden.",
        "🔒 Não consegui decifrar uma mensagem aqui, por isso não pude fazer nada com ela. Peça "
        "a quem a enviou para partilhar as chaves com a minha sessão, ou no Element desativar "
        "Configurações → Segurança e privacidade → «Nunca enviar mensagens cifradas para sessões "
        "não verificadas». E depois enviar de novo.",
        "🔒 Non sono riuscito a decifrare un messaggio qui, quindi non ho potuto farci nulla. "
        "Chiedi a chi l'ha inviato di condividere le chiavi con la mia sessione, oppure in "
        "Element di disattivare Impostazioni → Sicurezza e privacy → «Non inviare mai messaggi "
        "cifrati a sessioni non verificate». Poi di inviarlo di nuovo.",
    ),
    "which": (
        "Which one? {listed} — say {command}",
        "¿Cuál? {listed} — escribe {command}",
        "Laquelle ? {listed} — écrivez {command}",
        "Welche? {listed} — schreib {command}",
        "Qual? {listed} — escreva {command}",
        "Quale? {listed} — scrivi {command}",
    ),
    "already.done": (
        "#{number} is already done.",
        "La #{number} ya está hecha.",
        "La #{number} est déjà faite.",
        "#{number} ist schon erledigt.",
        "A #{number} já está feita.",
        "Il #{number} è già fatto.",
    ),
    "already.removed": (
        "#{number} was removed.",
        "La #{number} fue eliminada.",
        "La #{number} a été supprimée.",
        "#{number} wurde entfernt.",
        "A #{number} foi removida.",
        "Il #{number} è stato rimosso.",
    ),
    "claim.again": (
        "You already have #{number}.",
        "Ya tienes la #{number}.",
        "Vous avez déjà la #{number}.",
        "Du hast #{number} schon.",
        "Você já está com a #{number}.",
        "Hai già il #{number}.",
    ),
    "claim.has": (
        "✋ {name} has {line}",
        "✋ {name} se encarga de {line}",
        "✋ {name} s'occupe de {line}",
        "✋ {name} übernimmt {line}",
        "✋ {name} assumiu {line}",
        "✋ {name} si occupa di {line}",
    ),
    "claim.joins": (
        "✋ {name} joins {others} on {line}",
        "✋ {name} se une a {others} en {line}",
        "✋ {name} rejoint {others} sur {line}",
        "✋ {name} hilft {others} bei {line}",
        "✋ {name} junta-se a {others} em {line}",
        "✋ {name} si unisce a {others} per {line}",
    ),
    "unclaim.not_on": (
        "You were not on #{number}.",
        "No estabas en la #{number}.",
        "Vous n'étiez pas sur la #{number}.",
        "Du warst nicht bei #{number} dabei.",
        "Você não estava na #{number}.",
        "Non eri sul #{number}.",
    ),
    "unclaim.still": (
        "↩️ {name} handed back {line} ({names} still on it)",
        "↩️ {name} dejó {line} ({names} sigue con ella)",
        "↩️ {name} a rendu {line} ({names} reste dessus)",
        "↩️ {name} gibt {line} ab ({names} bleibt dran)",
        "↩️ {name} devolveu {line} ({names} continua nela)",
        "↩️ {name} ha lasciato {line} ({names} ci resta)",
    ),
    "unclaim.anyone": (
        "↩️ {name} handed back {line} — can anyone take it?",
        "↩️ {name} dejó {line} — ¿alguien puede encargarse?",
        "↩️ {name} a rendu {line} — quelqu'un peut la prendre ?",
        "↩️ {name} gibt {line} ab — kann jemand übernehmen?",
        "↩️ {name} devolveu {line} — alguém pode assumir?",
        "↩️ {name} ha lasciato {line} — qualcuno può prenderlo?",
    ),
    "done.by": (
        "✅ #{number} {title} — done by {name}",
        "✅ #{number} {title} — hecha por {name}",
        "✅ #{number} {title} — faite par {name}",
        "✅ #{number} {title} — erledigt von {name}",
        "✅ #{number} {title} — feita por {name}",
        "✅ #{number} {title} — fatto da {name}",
    ),
    "done.next": (
        "🔁 Next: #{number}{due}",
        "🔁 Próxima: #{number}{due}",
        "🔁 Prochaine : #{number}{due}",
        "🔁 Nächste: #{number}{due}",
        "🔁 Próxima: #{number}{due}",
        "🔁 Prossimo: #{number}{due}",
    ),
    "decision.ask": (
        'What was decided? Say "decision: …"',
        '¿Qué se decidió? Escribe "decision: …"',
        "Qu'avez-vous décidé ? Écrivez « decision: … »",
        'Was wurde entschieden? Schreib „decision: …"',
        'O que foi decidido? Escreva "decision: …"',
        'Cosa avete deciso? Scrivi "decision: …"',
    ),
    "decision.recorded": (
        "📌 Decision #{number} recorded: {text}",
        "📌 Decisión #{number} anotada: {text}",
        "📌 Décision #{number} notée : {text}",
        "📌 Entscheidung #{number} notiert: {text}",
        "📌 Decisão #{number} anotada: {text}",
        "📌 Decisione #{number} annotata: {text}",
    ),
    "decision.updated": (
        "📌 Decision updated: {text}",
        "📌 Decisión actualizada: {text}",
        "📌 Décision mise à jour : {text}",
        "📌 Entscheidung geändert: {text}",
        "📌 Decisão atualizada: {text}",
        "📌 Decisione aggiornata: {text}",
    ),
    "list.none_open": (
        "No open tasks. 🌿",
        "No hay tareas abiertas. 🌿",
        "Aucune tâche ouverte. 🌿",
        "Keine offenen Aufgaben. 🌿",
        "Nenhuma tarefa aberta. 🌿",
        "Nessun compito aperto. 🌿",
    ),
    "list.open": (
        "Open tasks:",
        "Tareas abiertas:",
        "Tâches ouvertes :",
        "Offene Aufgaben:",
        "Tarefas abertas:",
        "Compiti aperti:",
    ),
    "list.none_mine": (
        "{name}, you hold no open tasks.",
        "{name}, no tienes tareas abiertas.",
        "{name}, vous n'avez aucune tâche ouverte.",
        "{name}, du hast keine offenen Aufgaben.",
        "{name}, você não tem tarefas abertas.",
        "{name}, non hai compiti aperti.",
    ),
    "list.mine": (
        "{name}'s tasks:",
        "Tareas de {name}:",
        "Tâches de {name} :",
        "Aufgaben von {name}:",
        "Tarefas de {name}:",
        "Compiti di {name}:",
    ),
    "list.none_decisions": (
        'No decisions yet. Record one with "decision: …"',
        'Aún no hay decisiones. Anota una con "decision: …"',
        "Pas encore de décision. Notez-en une avec « decision: … »",
        'Noch keine Entscheidungen. Notiere eine mit „decision: …"',
        'Ainda não há decisões. Anote uma com "decision: …"',
        'Ancora nessuna decisione. Annotane una con "decision: …"',
    ),
    "list.decisions": (
        "Decisions:",
        "Decisiones:",
        "Décisions :",
        "Entscheidungen:",
        "Decisões:",
        "Decisioni:",
    ),
    "list.none_done": (
        "Nothing finished in the last {days} days.",
        "Nada terminado en los últimos {days} días.",
        "Rien de terminé ces {days} derniers jours.",
        "In den letzten {days} Tagen nichts erledigt.",
        "Nada concluído nos últimos {days} dias.",
        "Niente completato negli ultimi {days} giorni.",
    ),
    "list.done": (
        "Done in the last {days} days:",
        "Hecho en los últimos {days} días:",
        "Fait ces {days} derniers jours :",
        "Erledigt in den letzten {days} Tagen:",
        "Feito nos últimos {days} dias:",
        "Fatto negli ultimi {days} giorni:",
    ),
    "list.more": (
        "…and {count} more — {command} {page} for the next page, /export for all",
        "…y {count} más — {command} {page} para la página siguiente, /export para todo",
        "…et {count} de plus — {command} {page} pour la page suivante, /export pour tout",
        "…und {count} weitere — {command} {page} für die nächste Seite, /export für alles",
        "…e mais {count} — {command} {page} para a próxima página, /export para tudo",
        "…e altri {count} — {command} {page} per la pagina successiva, /export per tutto",
    ),
    "list.more_export": (
        "…and {count} more — /export for all",
        "…y {count} más — /export para todo",
        "…et {count} de plus — /export pour tout",
        "…und {count} weitere — /export für alles",
        "…e mais {count} — /export para tudo",
        "…e altri {count} — /export per tutto",
    ),
    "list.more_see": (
        "…and {count} more — see {command}, or /export for all",
        "…y {count} más — mira {command}, o /export para todo",
        "…et {count} de plus — voir {command}, ou /export pour tout",
        "…und {count} weitere — siehe {command} oder /export für alles",
        "…e mais {count} — veja {command}, ou /export para tudo",
        "…e altri {count} — vedi {command}, o /export per tutto",
    ),
    "list.page": (
        "(page {page} of {pages})",
        "(página {page} de {pages})",
        "(page {page} sur {pages})",
        "(Seite {page} von {pages})",
        "(página {page} de {pages})",
        "(pagina {page} di {pages})",
    ),
    "list.no_page": (
        "There is no page {page}: the list has {pages}.",
        "No hay página {page}: la lista tiene {pages}.",
        "Il n'y a pas de page {page} : la liste en a {pages}.",
        "Es gibt keine Seite {page}: die Liste hat {pages}.",
        "Não há página {page}: a lista tem {pages}.",
        "Non c'è la pagina {page}: l'elenco ne ha {pages}.",
    ),
    "undo.nothing": (
        "Nothing of yours to undo.",
        "No tienes nada que deshacer.",
        "Rien à annuler pour vous.",
        "Nichts von dir rückgängig zu machen.",
        "Nada seu para desfazer.",
        "Niente di tuo da annullare.",
    ),
    "undo.done": (
        "↶ Undone: {name}'s last {what}.",
        "↶ Deshecho: {what} de {name}.",
        "↶ Annulé : {what} de {name}.",
        "↶ Rückgängig: {what} von {name}.",
        "↶ Desfeito: {what} de {name}.",
        "↶ Annullato: {what} di {name}.",
    ),
    "zone.unknown": (
        "I don't know the time zone {zone}. Try e.g. /timezone Europe/London",
        "No conozco la zona horaria {zone}. Prueba p. ej. /timezone Europe/Madrid",
        "Je ne connais pas le fuseau horaire {zone}. Essayez par ex. /timezone Europe/Paris",
        "Die Zeitzone {zone} kenne ich nicht. Versuch z. B. /timezone Europe/Berlin",
        "Não conheço o fuso horário {zone}. Tente p. ex. /timezone America/Sao_Paulo",
        "Non conosco il fuso orario {zone}. Prova ad es. /timezone Europe/Rome",
    ),
    "zone.near": (
        "I don't know the time zone {zone}. Did you mean {names}? Say e.g. /timezone {first}",
        "No conozco la zona horaria {zone}. ¿Querías decir {names}? Escribe p. ej. "
        "/timezone {first}",
        "Je ne connais pas le fuseau horaire {zone}. Vouliez-vous dire {names} ? Écrivez par ex. "
        "/timezone {first}",
        "Die Zeitzone {zone} kenne ich nicht. Meintest du {names}? Schreib z. B. /timezone {first}",
        "Não conheço o fuso horário {zone}. Quis dizer {names}? Escreva p. ex. /timezone {first}",
        "Non conosco il fuso orario {zone}. Intendevi {names}? Scrivi ad es. /timezone {first}",
    ),
    "zone.which": (
        "{zone} could be more than one time zone: {names}. Say which, e.g. /timezone {first}",
        "{zone} puede ser más de una zona horaria: {names}. Di cuál, p. ej. /timezone {first}",
        "{zone} peut être plus d'un fuseau horaire : {names}. Dites lequel, par ex. "
        "/timezone {first}",
        "{zone} kann mehr als eine Zeitzone sein: {names}. Sag welche, z. B. /timezone {first}",
        "{zone} pode ser mais de um fuso horário: {names}. Diga qual, p. ex. /timezone {first}",
        "{zone} può essere più di un fuso orario: {names}. Di' quale, ad es. /timezone {first}",
    ),
    "snooze.not_on": (
        "You're not on #{number}, so there is nothing to snooze: reminders go to whoever holds it.",
        "No estás en la #{number}, así que no hay nada que posponer: los recordatorios van a "
        "quien la tiene.",
        "Vous n'êtes pas sur la #{number}, il n'y a donc rien à reporter : les rappels vont à "
        "qui la tient.",
        "Du bist nicht bei #{number} dabei, also gibt es nichts zu verschieben: Erinnerungen "
        "gehen an die, die sie übernommen haben.",
        "Você não está na #{number}, então não há nada para adiar: os lembretes vão para quem "
        "está com ela.",
        "Non sei sul #{number}, quindi non c'è niente da rimandare: i promemoria vanno a chi "
        "ce l'ha.",
    ),
    "language.hint": (
        "I only read {current} here, so I let that English message pass. To have me read "
        "English too, say /language {codes}",
        "Aquí solo leo {current}, así que he dejado pasar ese mensaje en español. Para que lea "
        "también español, escribid /language {codes}",
        "Ici je ne lis que {current}, j'ai donc laissé passer ce message en français. Pour que "
        "je lise aussi le français, écrivez /language {codes}",
        "Hier lese ich nur {current}, darum habe ich diese Nachricht auf Deutsch übergangen. "
        "Damit ich auch Deutsch lese, schreibt /language {codes}",
        "Aqui só leio {current}, por isso deixei passar essa mensagem em português. Para eu ler "
        "português também, escrevam /language {codes}",
        "Qui leggo solo {current}, quindi ho lasciato passare quel messaggio in italiano. Per "
        "farmi leggere anche l'italiano, scrivete /language {codes}",
    ),
    "export.circle": (
        "Our circle",
        "Nuestro círculo",
        "Notre cercle",
        "Unser Kreis",
        "Nosso círculo",
        "Il nostro cerchio",
    ),
    "export.open": (
        "Open tasks",
        "Tareas abiertas",
        "Tâches ouvertes",
        "Offene Aufgaben",
        "Tarefas abertas",
        "Compiti aperti",
    ),
    "export.done": ("Done", "Hechas", "Faites", "Erledigt", "Feitas", "Fatti"),
    "export.decisions": (
        "Decisions",
        "Decisiones",
        "Décisions",
        "Entscheidungen",
        "Decisões",
        "Decisioni",
    ),
    "export.none": ("none", "ninguna", "aucune", "keine", "nenhuma", "nessuno"),
    "export.closed": (
        "Missed or cancelled",
        "Perdidas o canceladas",
        "Manquées ou annulées",
        "Verpasst oder abgesagt",
        "Perdidas ou canceladas",
        "Saltati o annullati",
    ),
    "export.missed": ("missed", "perdida", "manquée", "verpasst", "perdida", "saltato"),
    "export.cancelled": ("cancelled", "cancelada", "annulée", "abgesagt", "cancelada", "annullato"),
    "export.taken_by": (
        "Taken by {names}",
        "La tiene {names}",
        "Prise par {names}",
        "Übernommen von {names}",
        "Com {names}",
        "Preso da {names}",
    ),
    "export.json": (
        "📎 The circle's tasks and decisions as JSON",
        "📎 Las tareas y decisiones del círculo en JSON",
        "📎 Les tâches et décisions du cercle en JSON",
        "📎 Die Aufgaben und Entscheidungen des Kreises als JSON",
        "📎 As tarefas e decisões do círculo em JSON",
        "📎 I compiti e le decisioni del cerchio in JSON",
    ),
    "export.ics": (
        "📎 The circle's tasks as a calendar file",
        "📎 Las tareas del círculo como archivo de calendario",
        "📎 Les tâches du cercle en fichier de calendrier",
        "📎 Die Aufgaben des Kreises als Kalenderdatei",
        "📎 As tarefas do círculo como arquivo de calendário",
        "📎 I compiti del cerchio come file di calendario",
    ),
    "export.fhir": (
        "📎 The circle's team, plan and tasks as FHIR (R4B), for a health record system",
        "📎 El equipo, el plan y las tareas del círculo en FHIR (R4B), para un sistema de "
        "historia clínica",
        "📎 L'équipe, le plan et les tâches du cercle en FHIR (R4B), pour un logiciel de dossier "
        "médical",
        "📎 Team, Plan und Aufgaben des Kreises als FHIR (R4B), für ein Praxis- oder Kliniksystem",
        "📎 A equipe, o plano e as tarefas do círculo em FHIR (R4B), para um sistema de prontuário",
        "📎 Il gruppo, il piano e i compiti del cerchio in FHIR (R4B), per un sistema di "
        "cartella clinica",
    ),
    "export.usage": (
        "Export as /export (Markdown), /export json, /export ics or /export fhir",
        "Exporta con /export (Markdown), /export json, /export ics o /export fhir",
        "Exportez avec /export (Markdown), /export json, /export ics ou /export fhir",
        "Exportieren mit /export (Markdown), /export json, /export ics oder /export fhir",
        "Exporte com /export (Markdown), /export json, /export ics ou /export fhir",
        "Esporta con /export (Markdown), /export json, /export ics o /export fhir",
    ),
    "set.zone": (
        "⚙️ {name} set the circle's time zone to {zone}",
        "⚙️ {name} cambió la zona horaria del círculo a {zone}",
        "⚙️ {name} a réglé le fuseau horaire du cercle sur {zone}",
        "⚙️ {name} hat die Zeitzone des Kreises auf {zone} gestellt",
        "⚙️ {name} mudou o fuso horário do círculo para {zone}",
        "⚙️ {name} ha impostato il fuso orario del cerchio su {zone}",
    ),
    "set.languages": (
        "⚙️ {name} set the circle's languages to {codes}",
        "⚙️ {name} cambió los idiomas del círculo a {codes}",
        "⚙️ {name} a réglé les langues du cercle sur {codes}",
        "⚙️ {name} hat die Sprachen des Kreises auf {codes} gestellt",
        "⚙️ {name} mudou os idiomas do círculo para {codes}",
        "⚙️ {name} ha impostato le lingue del cerchio su {codes}",
    ),
    "set.quiet_off": (
        "⚙️ {name} turned quiet hours off",
        "⚙️ {name} desactivó las horas de silencio",
        "⚙️ {name} a désactivé les heures calmes",
        "⚙️ {name} hat die Ruhezeiten ausgeschaltet",
        "⚙️ {name} desativou as horas de silêncio",
        "⚙️ {name} ha disattivato le ore di silenzio",
    ),
    "set.quiet": (
        "⚙️ {name} set quiet hours to {start}–{end}",
        "⚙️ {name} fijó las horas de silencio en {start}–{end}",
        "⚙️ {name} a réglé les heures calmes sur {start}–{end}",
        "⚙️ {name} hat die Ruhezeiten auf {start}–{end} gestellt",
        "⚙️ {name} definiu as horas de silêncio para {start}–{end}",
        "⚙️ {name} ha impostato le ore di silenzio su {start}–{end}",
    ),
    "set.digest_off": (
        "⚙️ {name} turned the daily digest off",
        "⚙️ {name} desactivó el resumen diario",
        "⚙️ {name} a désactivé le résumé quotidien",
        "⚙️ {name} hat die tägliche Übersicht ausgeschaltet",
        "⚙️ {name} desativou o resumo diário",
        "⚙️ {name} ha disattivato il riepilogo quotidiano",
    ),
    "set.digest": (
        "⚙️ {name} set the daily digest to {clock}",
        "⚙️ {name} fijó el resumen diario a las {clock}",
        "⚙️ {name} a réglé le résumé quotidien à {clock}",
        "⚙️ {name} hat die tägliche Übersicht auf {clock} gestellt",
        "⚙️ {name} definiu o resumo diário para as {clock}",
        "⚙️ {name} ha impostato il riepilogo quotidiano alle {clock}",
    ),
    "usage.languages": (
        "Say which languages the circle writes in, from: {codes} (e.g. /language en es)",
        "Di en qué idiomas escribe el círculo, entre: {codes} (p. ej. /language es en)",
        "Dites dans quelles langues écrit le cercle, parmi : {codes} (par ex. /language fr en)",
        "Sag, in welchen Sprachen der Kreis schreibt, aus: {codes} (z. B. /language de en)",
        "Diga em que idiomas o círculo escreve, entre: {codes} (p. ex. /language pt en)",
        "Di' in quali lingue scrive il cerchio, tra: {codes} (ad es. /language it en)",
    ),
    "usage.quiet": (
        "Say the quiet hours like /quiet 21:00-08:00 (or /quiet off)",
        "Indica las horas de silencio así: /quiet 21:00-08:00 (o /quiet off)",
        "Indiquez les heures calmes ainsi : /quiet 21:00-08:00 (ou /quiet off)",
        "Gib die Ruhezeiten so an: /quiet 21:00-08:00 (oder /quiet off)",
        "Indique as horas de silêncio assim: /quiet 21:00-08:00 (ou /quiet off)",
        "Indica le ore di silenzio così: /quiet 21:00-08:00 (o /quiet off)",
    ),
    "usage.digest": (
        "Say the digest time like /digest 08:30 (or /digest off)",
        "Indica la hora del resumen así: /digest 08:30 (o /digest off)",
        "Indiquez l'heure du résumé ainsi : /digest 08:30 (ou /digest off)",
        "Gib die Uhrzeit der Übersicht so an: /digest 08:30 (oder /digest off)",
        "Indique a hora do resumo assim: /digest 08:30 (ou /digest off)",
        "Indica l'ora del riepilogo così: /digest 08:30 (o /digest off)",
    ),
    "usage.snooze": (
        "Say which task and until when, like /snooze 12 tomorrow",
        "Di qué tarea y hasta cuándo, así: /snooze 12 mañana",
        "Dites quelle tâche et jusqu'à quand, ainsi : /snooze 12 demain",
        "Sag, welche Aufgabe und bis wann, so: /snooze 12 morgen",
        "Diga qual tarefa e até quando, assim: /snooze 12 amanhã",
        "Di' quale compito e fino a quando, così: /snooze 12 domani",
    ),
    "muted": (
        "🔕 {name} is muted: no mentions except urgent",
        "🔕 {name} silenciado: sin menciones salvo lo urgente",
        "🔕 {name} en sourdine : plus de mentions sauf l'urgent",
        "🔕 {name} ist stumm: keine Erwähnungen außer Dringendem",
        "🔕 {name} em silêncio: sem menções exceto o urgente",
        "🔕 {name} in silenzio: nessuna menzione tranne l'urgente",
    ),
    "set.urgent_off": (
        "🌙 {name}: urgent requests no longer mention you in quiet hours (/urgent on to undo).",
        "🌙 {name}: las peticiones urgentes ya no te mencionan en horas de silencio (/urgent on).",
        "🌙 {name} : l'urgent ne vous mentionne plus aux heures calmes (/urgent on).",
        "🌙 {name}: Dringendes erwähnt dich in der Ruhezeit nicht mehr (/urgent on).",
        "🌙 {name}: pedidos urgentes não te mencionam mais no horário de silêncio (/urgent on).",
        "🌙 {name}: le richieste urgenti non ti menzionano più nelle ore di quiete (/urgent on).",
    ),
    "set.urgent_on": (
        "🚨 {name}: urgent requests mention you again, even in quiet hours.",
        "🚨 {name}: las peticiones urgentes te mencionan de nuevo, también en horas de silencio.",
        "🚨 {name} : les demandes urgentes vous mentionnent de nouveau, même aux heures calmes.",
        "🚨 {name}: Dringendes erwähnt dich wieder, auch in der Ruhezeit.",
        "🚨 {name}: pedidos urgentes te mencionam de novo, mesmo no horário de silêncio.",
        "🚨 {name}: le richieste urgenti ti menzionano di nuovo, anche nelle ore di quiete.",
    ),
    "usage.urgent": (
        'Say "/urgent off" (urgent requests do not mention you in quiet hours) or "/urgent on".',
        'Escribe "/urgent off" (lo urgente no te menciona de noche) o "/urgent on".',
        "Écrivez « /urgent off » (l'urgent ne vous mentionne pas la nuit) ou « /urgent on ».",
        'Schreib „/urgent off" (Dringendes erwähnt dich nachts nicht) oder „/urgent on".',
        'Escreva "/urgent off" (o urgente não te menciona à noite) ou "/urgent on".',
        'Scrivi "/urgent off" (l\'urgente non ti menziona di notte) o "/urgent on".',
    ),
    "all_clear.done": (
        "✅ All clear: {line} is closed — thank you, {names}.",
        "✅ Todo en orden: {line} cerrada — gracias, {names}.",
        "✅ Fin de l'alerte : {line} est close — merci, {names}.",
        "✅ Entwarnung: {line} ist erledigt — danke, {names}.",
        "✅ Tudo certo: {line} encerrada — obrigado, {names}.",
        "✅ Tutto a posto: {line} è chiuso — grazie, {names}.",
    ),
    "all_clear.cancelled": (
        "✅ All clear: {line} is closed, nobody needs to go.",
        "✅ Todo en orden: {line} cerrada, nadie tiene que ir.",
        "✅ Fin de l'alerte : {line} est close, personne n'a besoin d'y aller.",
        "✅ Entwarnung: {line} ist geschlossen, niemand muss hin.",
        "✅ Tudo certo: {line} encerrada, ninguém precisa ir.",
        "✅ Tutto a posto: {line} è chiuso, nessuno deve andare.",
    ),
    "already.cancelled": (
        "#{number} was cancelled.",
        "La #{number} fue cancelada.",
        "La #{number} a été annulée.",
        "#{number} wurde abgesagt.",
        "A #{number} foi cancelada.",
        "Il #{number} è stato annullato.",
    ),
    "already.missed": (
        "#{number} was missed; the next one is open.",
        "La #{number} se pasó; la siguiente está abierta.",
        "La #{number} est passée ; la suivante est ouverte.",
        "#{number} wurde verpasst; die nächste ist offen.",
        "A #{number} passou; a próxima está aberta.",
        "Il #{number} è saltato; il prossimo è aperto.",
    ),
    "ack.cancelled": (
        "✖ #{number} {title} · cancelled",
        "✖ #{number} {title} · cancelada",
        "✖ #{number} {title} · annulée",
        "✖ #{number} {title} · abgesagt",
        "✖ #{number} {title} · cancelada",
        "✖ #{number} {title} · annullato",
    ),
    "ack.missed": (
        "⏭ #{number} {title} · missed",
        "⏭ #{number} {title} · no se hizo",
        "⏭ #{number} {title} · manquée",
        "⏭ #{number} {title} · verpasst",
        "⏭ #{number} {title} · não feita",
        "⏭ #{number} {title} · saltato",
    ),
    "unmuted": (
        "🔔 {name} is unmuted",
        "🔔 {name} vuelve a recibir menciones",
        "🔔 {name} n'est plus en sourdine",
        "🔔 {name} ist nicht mehr stumm",
        "🔔 {name} voltou a receber menções",
        "🔔 {name} riceve di nuovo le menzioni",
    ),
    "role": (
        "🏷 {name} now shows as “{label}”",
        "🏷 {name} aparece ahora como «{label}»",
        "🏷 {name} apparaît maintenant comme « {label} »",
        "🏷 {name} erscheint jetzt als „{label}“",
        "🏷 {name} aparece agora como “{label}”",
        "🏷 {name} ora appare come “{label}”",
    ),
    "role.none": (
        "🏷 {name} now shows with no label",
        "🏷 {name} aparece ahora sin etiqueta",
        "🏷 {name} apparaît maintenant sans étiquette",
        "🏷 {name} erscheint jetzt ohne Bezeichnung",
        "🏷 {name} aparece agora sem etiqueta",
        "🏷 {name} ora appare senza etichetta",
    ),
    "snoozed": (
        "😴 #{number}: no reminders to {name} until {until}",
        "😴 #{number}: sin recordatorios para {name} hasta {until}",
        "😴 #{number} : pas de rappel pour {name} avant {until}",
        "😴 #{number}: keine Erinnerungen an {name} bis {until}",
        "😴 #{number}: sem lembretes para {name} até {until}",
        "😴 #{number}: nessun promemoria per {name} fino a {until}",
    ),
    "forget.asked": (
        "⚠️ {name} asks me to forget everything this circle holds: every task and decision. "
        "Another member must say /forget within 24 hours to confirm; {name} can cancel with undo.",
        "⚠️ {name} me pide olvidar todo lo que guarda el círculo: cada tarea y decisión. Otro "
        "miembro debe escribir /forget en 24 horas para confirmarlo; {name} puede cancelar con "
        "deshacer.",
        "⚠️ {name} me demande d'oublier tout ce que garde le cercle : chaque tâche et décision. "
        "Un autre membre doit écrire /forget dans les 24 heures pour confirmer ; {name} peut "
        "annuler avec annuler.",
        "⚠️ {name} bittet mich, alles zu vergessen, was der Kreis gespeichert hat: jede Aufgabe "
        "und Entscheidung. Ein anderes Mitglied muss innerhalb von 24 Stunden /forget schreiben; "
        "{name} kann mit rückgängig abbrechen.",
        "⚠️ {name} pede para eu esquecer tudo o que o círculo guarda: cada tarefa e decisão. "
        "Outro membro deve escrever /forget em 24 horas para confirmar; {name} pode cancelar "
        "com desfazer.",
        "⚠️ {name} mi chiede di dimenticare tutto ciò che il cerchio conserva: ogni compito e "
        "decisione. Un altro membro deve scrivere /forget entro 24 ore per confermare; {name} "
        "può annullare con annulla.",
    ),
    "forget.second": (
        "Another member needs to confirm with /forget — it takes two.",
        "Otro miembro tiene que confirmarlo con /forget: hacen falta dos.",
        "Un autre membre doit confirmer avec /forget : il faut être deux.",
        "Ein anderes Mitglied muss mit /forget bestätigen – es braucht zwei.",
        "Outro membro precisa confirmar com /forget — são precisos dois.",
        "Un altro membro deve confermare con /forget: servono due persone.",
    ),
    "forget.done": (
        "🧹 Done: the circle's tasks and decisions are forgotten (confirmed by {name}).",
        "🧹 Hecho: las tareas y decisiones del círculo están olvidadas (confirmó {name}).",
        "🧹 C'est fait : les tâches et décisions du cercle sont oubliées (confirmé par {name}).",
        "🧹 Erledigt: Aufgaben und Entscheidungen des Kreises sind vergessen (bestätigt: {name}).",
        "🧹 Feito: as tarefas e decisões do círculo foram esquecidas (confirmado por {name}).",
        "🧹 Fatto: i compiti e le decisioni del cerchio sono dimenticati (confermato da {name}).",
    ),
    "forgetme.label": (
        "a former member",
        "un antiguo miembro",
        "un ancien membre",
        "ein früheres Mitglied",
        "um antigo membro",
        "un ex membro",
    ),
    "forgetme.done": (
        "👋 A member asked to be forgotten: their name now reads “{label}” in this circle.",
        "👋 Un miembro pidió ser olvidado: su nombre ahora dice «{label}» en este círculo.",
        "👋 Un membre a demandé à être oublié : son nom est désormais « {label} » dans ce cercle.",
        "👋 Ein Mitglied wollte vergessen werden: sein Name lautet jetzt „{label}“ im Kreis.",
        "👋 Um membro pediu para ser esquecido: o seu nome agora é “{label}” neste círculo.",
        "👋 Un membro ha chiesto di essere dimenticato: ora il suo nome è «{label}» nel cerchio.",
    ),
    "forgetme.released": (
        "Free to take again: {numbers}.",
        "Libres de nuevo: {numbers}.",
        "De nouveau libres : {numbers}.",
        "Wieder frei: {numbers}.",
        "Livres de novo: {numbers}.",
        "Di nuovo liberi: {numbers}.",
    ),
    **NUDGE_PHRASES,
    **PRIVATE_PHRASES,
    **MOVE_PHRASES,
    **PLAN_PHRASES,
}

# What "undo" took back, by event: (en, es, fr, de, pt, it).
UNDONE_WHAT: dict[str, tuple[str, str, str, str, str, str]] = {
    "task_added": ("task", "la tarea", "la tâche", "die Aufgabe", "a tarefa", "il compito"),
    "task_removed": (
        "removal",
        "la eliminación",
        "la suppression",
        "das Entfernen",
        "a remoção",
        "la rimozione",
    ),
    "task_edited": (
        "edit",
        "el cambio",
        "la modification",
        "die Änderung",
        "a edição",
        "la modifica",
    ),
    "claimed": (
        "claim",
        "la toma",
        "la prise en charge",
        "die Übernahme",
        "a reserva",
        "la presa in carico",
    ),
    "unclaimed": (
        "hand-back",
        "la devolución",
        "le rendu",
        "die Rückgabe",
        "a devolução",
        "la restituzione",
    ),
    "done": (
        "done",
        "la finalización",
        "la réalisation",
        "die Erledigung",
        "a conclusão",
        "il completamento",
    ),
    "cancelled": (
        "cancellation",
        "la cancelación",
        "l'annulation",
        "die Absage",
        "o cancelamento",
        "l'annullamento",
    ),
    "decided": (
        "decision",
        "la decisión",
        "la décision",
        "die Entscheidung",
        "a decisão",
        "la decisione",
    ),
    "setting": (
        "setting",
        "el ajuste",
        "le réglage",
        "die Einstellung",
        "o ajuste",
        "l'impostazione",
    ),
    "forget_requested": (
        "request to forget",
        "la petición de olvidar",
        "la demande d'oubli",
        "die Bitte ums Vergessen",
        "o pedido para esquecer",
        "la richiesta di dimenticare",
    ),
}

WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    ("seg", "ter", "qua", "qui", "sex", "sáb", "dom"),
    ("lun", "mar", "mer", "gio", "ven", "sab", "dom"),
)
MONTHS: tuple[tuple[str, ...], ...] = (
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
    (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
    ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"),
    ("jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"),
    ("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
)
# Recurrence glosses: every {days}, every other {days}, every weekday, daily, every {n} days,
# ", {n} times", " until {day}".
RECURRENCE_WORDS: tuple[tuple[str, ...], ...] = (
    (
        "every {days}",
        "every other {days}",
        "every weekday",
        "daily",
        "every {n} days",
        ", {n} times",
        " until {day}",
    ),
    (
        "cada {days}",
        "cada dos semanas: {days}",
        "entre semana",
        "a diario",
        "cada {n} días",
        ", {n} veces",
        " hasta el {day}",
    ),
    (
        "chaque {days}",
        "un {days} sur deux",
        "en semaine",
        "tous les jours",
        "tous les {n} jours",
        ", {n} fois",
        " jusqu'au {day}",
    ),
    (
        "jeden {days}",
        "jeden zweiten {days}",
        "werktags",
        "täglich",
        "alle {n} Tage",
        ", {n}-mal",
        " bis {day}",
    ),
    (
        "toda {days}",
        "{days} sim, {days} não",
        "dias úteis",
        "diariamente",
        "a cada {n} dias",
        ", {n} vezes",
        " até {day}",
    ),
    (
        "ogni {days}",
        "un {days} sì e uno no",
        "nei giorni feriali",
        "ogni giorno",
        "ogni {n} giorni",
        ", {n} volte",
        " fino al {day}",
    ),
)
