"""The command menu Telegram shows, described in each language the bot speaks.

Telegram picks the list matching each member's app language, so a Spanish-speaking aunt and
an English-speaking nurse in the same group each read the menu in their own language.
"""

from __future__ import annotations

from telegram import BotCommand

from handlers.speech import LANGUAGES

# command → descriptions in LANGUAGES order (en, es, fr, de, pt, it).
DESCRIPTIONS: dict[str, tuple[str, str, str, str, str, str]] = {
    "tasks": (
        "Open tasks and who has them",
        "Tareas abiertas y quién las tiene",
        "Tâches ouvertes et qui s'en charge",
        "Offene Aufgaben und wer sie hat",
        "Tarefas abertas e quem as tem",
        "Compiti aperti e chi li ha presi",
    ),
    "mine": (
        "Tasks you hold (in a private chat with me: in all your circles)",
        "Tus tareas (en un chat privado conmigo: en todos tus círculos)",
        "Vos tâches (en privé avec moi : dans tous vos cercles)",
        "Deine Aufgaben (im privaten Chat mit mir: in all deinen Kreisen)",
        "As suas tarefas (num chat privado comigo: em todos os seus círculos)",
        "I tuoi compiti (in chat privata con me: in tutti i tuoi cerchi)",
    ),
    "decisions": (
        "Decisions the circle made",
        "Decisiones del grupo",
        "Décisions du groupe",
        "Entscheidungen der Gruppe",
        "Decisões do grupo",
        "Decisioni del gruppo",
    ),
    "plan": (
        "The plan: who, decisions, routines, next days, contacts",
        "El plan: quién, decisiones, rutinas, próximos días, contactos",
        "Le plan : qui, décisions, habitudes, jours à venir, contacts",
        "Der Plan: wer, Entscheidungen, Routinen, nächste Tage, Kontakte",
        "O plano: quem, decisões, rotinas, próximos dias, contactos",
        "Il piano: chi, decisioni, abitudini, prossimi giorni, contatti",
    ),
    "contacts": (
        "The circle's contacts",
        "Los contactos del círculo",
        "Les contacts du cercle",
        "Die Kontakte des Kreises",
        "Os contactos do círculo",
        "I contatti del cerchio",
    ),
    "contact": (
        "Keep a contact: /contact GP Dr Levin 020 7946 0000",
        "Guardar un contacto: /contact farmacia Farmacia Sol 912 345 678",
        "Garder un contact : /contact pharmacie Pharmacie du Marché 01 23 45 67 89",
        "Kontakt speichern: /contact Apotheke Löwen-Apotheke 030 1234568",
        "Guardar um contacto: /contact farmácia Farmácia Central 21 123 4568",
        "Salvare un contatto: /contact farmacia Farmacia Centrale 06 1234 5679",
    ),
    "done": (
        "Mark a task done: /done 4",
        "Marcar una tarea como hecha: /done 4",
        "Marquer une tâche faite : /done 4",
        "Aufgabe erledigt: /done 4",
        "Marcar uma tarefa como feita: /done 4",
        "Segnare un compito fatto: /done 4",
    ),
    "help": (
        "What I understand",
        "Lo que entiendo",
        "Ce que je comprends",
        "Was ich verstehe",
        "O que eu entendo",
        "Cosa capisco",
    ),
    "undo": (
        "Take back your last change",
        "Deshacer tu último cambio",
        "Annuler votre dernier changement",
        "Deine letzte Änderung zurücknehmen",
        "Desfazer a sua última alteração",
        "Annullare la tua ultima modifica",
    ),
    "export": (
        "Everything the circle has, as a file",
        "Todo lo del grupo, en un archivo",
        "Tout ce que le groupe a, en fichier",
        "Alles der Gruppe als Datei",
        "Tudo do grupo, num ficheiro",
        "Tutto del gruppo, in un file",
    ),
    "timezone": (
        "The circle's time zone: /timezone Europe/London",
        "Zona horaria del grupo: /timezone Europe/Madrid",
        "Fuseau horaire du groupe : /timezone Europe/Paris",
        "Zeitzone der Gruppe: /timezone Europe/Berlin",
        "Fuso horário do grupo: /timezone Europe/Lisbon",
        "Fuso orario del gruppo: /timezone Europe/Rome",
    ),
    "quiet": (
        "Quiet hours: /quiet 21:00-08:00",
        "Horas de silencio: /quiet 21:00-08:00",
        "Heures calmes : /quiet 21:00-08:00",
        "Ruhezeiten: /quiet 21:00-08:00",
        "Horas de silêncio: /quiet 21:00-08:00",
        "Ore di silenzio: /quiet 21:00-08:00",
    ),
    "digest": (
        "Daily digest time: /digest 08:30 or off",
        "Hora del resumen diario: /digest 08:30 u off",
        "Heure du résumé quotidien : /digest 08:30 ou off",
        "Zeit der täglichen Übersicht: /digest 08:30 oder off",
        "Hora do resumo diário: /digest 08:30 ou off",
        "Ora del riepilogo quotidiano: /digest 08:30 o off",
    ),
    "mute": (
        "No more mentions for you, except urgent ones",
        "Sin menciones para ti, salvo urgencias",
        "Plus de mentions pour vous, sauf urgences",
        "Keine Erwähnungen mehr für dich, außer dringende",
        "Sem menções para si, exceto urgências",
        "Niente menzioni per te, tranne le urgenze",
    ),
    "unmute": (
        "Mentions for you again",
        "Volver a recibir menciones",
        "Réactiver vos mentions",
        "Erwähnungen wieder an",
        "Voltar a receber menções",
        "Riattivare le menzioni",
    ),
    "urgent": (
        "Whether urgent requests may mention you at night: /urgent off or on",
        "Si las urgencias pueden mencionarte de noche: /urgent off u on",
        "Si les urgences peuvent vous mentionner la nuit : /urgent off ou on",
        "Ob dringende Bitten dich nachts erwähnen dürfen: /urgent off oder on",
        "Se as urgências podem mencioná-lo à noite: /urgent off ou on",
        "Se le urgenze possono menzionarti di notte: /urgent off o on",
    ),
    "snooze": (
        "Remind you later: /snooze 4 tomorrow",
        "Recordártelo más tarde: /snooze 4 mañana",
        "Vous le rappeler plus tard : /snooze 4 demain",
        "Später erinnern: /snooze 4 morgen",
        "Lembrar mais tarde: /snooze 4 amanhã",
        "Ricordartelo più tardi: /snooze 4 domani",
    ),
    "claim": (
        "Take a task: /claim 4",
        "Tomar una tarea: /claim 4",
        "Prendre une tâche : /claim 4",
        "Aufgabe übernehmen: /claim 4",
        "Assumir uma tarefa: /claim 4",
        "Prendere un compito: /claim 4",
    ),
    "unclaim": (
        "Hand a task back: /unclaim 4",
        "Devolver una tarea: /unclaim 4",
        "Rendre une tâche : /unclaim 4",
        "Aufgabe abgeben: /unclaim 4",
        "Devolver uma tarefa: /unclaim 4",
        "Restituire un compito: /unclaim 4",
    ),
    "task": (
        "Add a task: /task pick up prescriptions Friday 15:00",
        "Añadir una tarea: /task recoger la receta el viernes a las 15",
        "Ajouter une tâche : /task chercher l'ordonnance vendredi 15h",
        "Aufgabe hinzufügen: /task Rezept abholen Freitag 15 Uhr",
        "Adicionar uma tarefa: /task buscar a receita sexta às 15h",
        "Aggiungere un compito: /task ritirare la ricetta venerdì alle 15",
    ),
    "decide": (
        "Record a decision: /decide physio on Tuesdays",
        "Anotar una decisión: /decide fisio los martes",
        "Noter une décision : /decide kiné le mardi",
        "Entscheidung festhalten: /decide Physio dienstags",
        "Registar uma decisão: /decide fisio às terças",
        "Annotare una decisione: /decide fisio il martedì",
    ),
}


# The menu of a private chat with the bot, which is no circle.
PRIVATE_DESCRIPTIONS: dict[str, tuple[str, str, str, str, str, str]] = {
    "mine": (
        "What you hold in all your circles",
        "Lo que tienes en todos tus círculos",
        "Ce que vous avez dans tous vos cercles",
        "Was du in all deinen Kreisen übernommen hast",
        "O que você tem em todos os seus círculos",
        "Quello che hai in tutti i tuoi cerchi",
    ),
    "start": (
        "How to start a circle",
        "Cómo empezar un círculo",
        "Comment commencer un cercle",
        "Wie man einen Kreis anfängt",
        "Como começar um círculo",
        "Come cominciare un cerchio",
    ),
}


def command_menu(language: str) -> list[BotCommand]:
    """The menu in one of the bot's languages (English for any other)."""
    return _menu(DESCRIPTIONS, language)


def private_menu(language: str) -> list[BotCommand]:
    """The menu of a private chat with the bot, in one of its languages."""
    return _menu(PRIVATE_DESCRIPTIONS, language)


def _menu(descriptions: dict[str, tuple[str, ...]], language: str) -> list[BotCommand]:
    index = LANGUAGES.index(language) if language in LANGUAGES else 0
    return [BotCommand(name, texts[index]) for name, texts in descriptions.items()]
