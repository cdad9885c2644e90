"""What the bot says about a move of the person cared for: the checklist it offers, and what
the circle took from it.

Each entry: key → (en, es, fr, de, pt, it), merged into ``handlers.phrasebook.PHRASES``.
"""

from __future__ import annotations

MOVE_PHRASES: dict[str, tuple[str, str, str, str, str, str]] = {
    "move.offer.home": (
        "🏠 Home on {day}. What coming home usually needs:",
        "🏠 Vuelta a casa el {day}. Lo que suele hacer falta:",
        "🏠 Retour à la maison le {day}. Ce qu'il faut d'habitude :",
        "🏠 Zurück nach Hause am {day}. Was es dafür meist braucht:",
        "🏠 Regresso a casa a {day}. O que costuma ser preciso:",
        "🏠 Ritorno a casa {day}. Cosa serve di solito:",
    ),
    "move.offer.respite": (
        "🧳 Respite stay from {day}. What it usually needs:",
        "🧳 Estancia de respiro desde el {day}. Lo que suele hacer falta:",
        "🧳 Séjour de répit à partir du {day}. Ce qu'il faut d'habitude :",
        "🧳 Kurzzeitpflege ab {day}. Was es dafür meist braucht:",
        "🧳 Estadia temporária a partir de {day}. O que costuma ser preciso:",
        "🧳 Ricovero di sollievo da {day}. Cosa serve di solito:",
    ),
    "move.offer.rehab": (
        "🦯 Rehab from {day}. What it usually needs:",
        "🦯 Rehabilitación desde el {day}. Lo que suele hacer falta:",
        "🦯 Rééducation à partir du {day}. Ce qu'il faut d'habitude :",
        "🦯 Reha ab {day}. Was es dafür meist braucht:",
        "🦯 Reabilitação a partir de {day}. O que costuma ser preciso:",
        "🦯 Riabilitazione da {day}. Cosa serve di solito:",
    ),
    "move.offer.care_home": (
        "🏡 Moving into the care home on {day}. What it usually needs:",
        "🏡 Entrada en la residencia el {day}. Lo que suele hacer falta:",
        "🏡 Entrée en maison de retraite le {day}. Ce qu'il faut d'habitude :",
        "🏡 Umzug ins Pflegeheim am {day}. Was es dafür meist braucht:",
        "🏡 Entrada no lar a {day}. O que costuma ser preciso:",
        "🏡 Ingresso in casa di riposo {day}. Cosa serve di solito:",
    ),
    "move.how": (
        'Reply with the numbers to add as tasks ("1 3") or "all"; or just let it be.',
        'Responde con los números que quieras como tareas ("1 3") o "todas"; o déjalo estar.',
        "Répondez avec les numéros à ajouter comme tâches (« 1 3 ») ou « tout » ; "
        "ou laissez simplement.",
        "Antwortet mit den Nummern, die Aufgaben werden sollen („1 3“), oder „alle“; "
        "oder lasst es einfach.",
        'Responda com os números a juntar como tarefas ("1 3") ou "todos"; ou deixe estar.',
        'Rispondete con i numeri da aggiungere come compiti ("1 3") o "tutte"; '
        "oppure lasciate stare.",
    ),
    "button.take_all": (
        "➕ Add all",
        "➕ Añadir todas",
        "➕ Tout ajouter",
        "➕ Alle hinzufügen",
        "➕ Juntar todos",
        "➕ Aggiungi tutte",
    ),
    "move.taken": (
        "📝 On the list now:",
        "📝 Ya en la lista:",
        "📝 Sur la liste maintenant :",
        "📝 Jetzt auf der Liste:",
        "📝 Já na lista:",
        "📝 Ora in lista:",
    ),
    "move.taken_before": (
        "👌 Those are on the list already.",
        "👌 Eso ya está en la lista.",
        "👌 C'est déjà sur la liste.",
        "👌 Das steht schon auf der Liste.",
        "👌 Isso já está na lista.",
        "👌 Sono già in lista.",
    ),
}
