"""What the bot says about the circle's plan and its contacts, and the roles' names.

Each entry: key → (en, es, fr, de, pt, it), merged into ``handlers.phrasebook.PHRASES``.
``contact.role.<key>`` names each role key of the locales' ``[contacts]`` section.
"""

from __future__ import annotations

PLAN_PHRASES: dict[str, tuple[str, str, str, str, str, str]] = {
    "plan.head": (
        "🗂 The plan — {name}",
        "🗂 El plan — {name}",
        "🗂 Le plan — {name}",
        "🗂 Der Plan — {name}",
        "🗂 O plano — {name}",
        "🗂 Il piano — {name}",
    ),
    "plan.members": (
        "👥 In the circle",
        "👥 En el círculo",
        "👥 Dans le cercle",
        "👥 Im Kreis",
        "👥 No círculo",
        "👥 Nel cerchio",
    ),
    "plan.decisions": (
        "🤝 Decided",
        "🤝 Decidido",
        "🤝 Décidé",
        "🤝 Entschieden",
        "🤝 Decidido",
        "🤝 Deciso",
    ),
    "plan.routines": (
        "🔁 Routines",
        "🔁 Rutinas",
        "🔁 Habitudes",
        "🔁 Routinen",
        "🔁 Rotinas",
        "🔁 Abitudini",
    ),
    "plan.coming": (
        "📅 Next 7 days",
        "📅 Próximos 7 días",
        "📅 Les 7 prochains jours",
        "📅 Die nächsten 7 Tage",
        "📅 Próximos 7 dias",
        "📅 Prossimi 7 giorni",
    ),
    "plan.unheld": (
        "🙋 Nobody holds yet",
        "🙋 Sin nadie aún",
        "🙋 Personne ne s'en charge encore",
        "🙋 Hat noch niemand",
        "🙋 Ainda sem ninguém",
        "🙋 Ancora senza nessuno",
    ),
    "plan.contacts": (
        "📇 Contacts",
        "📇 Contactos",
        "📇 Contacts",
        "📇 Kontakte",
        "📇 Contactos",
        "📇 Contatti",
    ),
    "plan.more": (
        "…and {count} more: {command}",
        "…y {count} más: {command}",
        "…et {count} de plus : {command}",
        "…und {count} weitere: {command}",
        "…e mais {count}: {command}",
        "…e altri {count}: {command}",
    ),
    "export.contacts": ("Contacts", "Contactos", "Contacts", "Kontakte", "Contactos", "Contatti"),
    "contact.line": (
        "{role}: {details}",
        "{role}: {details}",
        "{role} : {details}",
        "{role}: {details}",
        "{role}: {details}",
        "{role}: {details}",
    ),
    "contact.saved": (
        "📇 {line}",
        "📇 {line}",
        "📇 {line}",
        "📇 {line}",
        "📇 {line}",
        "📇 {line}",
    ),
    "contact.updated": (
        "📇 {line} (updated)",
        "📇 {line} (actualizado)",
        "📇 {line} (mis à jour)",
        "📇 {line} (aktualisiert)",
        "📇 {line} (atualizado)",
        "📇 {line} (aggiornato)",
    ),
    "contacts.head": (
        "📇 Contacts:",
        "📇 Contactos:",
        "📇 Contacts :",
        "📇 Kontakte:",
        "📇 Contactos:",
        "📇 Contatti:",
    ),
    "contacts.none": (
        'No contacts yet. Say "the GP is Dr Levin, 020 7946 0000" or '
        "/contact GP Dr Levin 020 7946 0000",
        'Aún no hay contactos. Escribe "el médico de cabecera es el Dr. Ruiz, 912 345 678" o '
        "/contact farmacia Farmacia Sol 912 345 678",
        "Pas encore de contacts. Écrivez « le médecin traitant est le Dr Roux, 01 23 45 67 89 » "
        "ou /contact pharmacie Pharmacie du Marché 01 23 45 67 89",
        'Noch keine Kontakte. Schreib „der Hausarzt ist Dr. Weber, 030 1234567" oder '
        "/contact Apotheke Löwen-Apotheke 030 1234568",
        'Ainda não há contactos. Escreva "o médico de família é o Dr. Costa, 21 123 4567" ou '
        "/contact farmácia Farmácia Central 21 123 4568",
        'Ancora nessun contatto. Scrivi "il medico di base è il dott. Bianchi, 06 1234 5678" o '
        "/contact farmacia Farmacia Centrale 06 1234 5679",
    ),
    "contact.usage": (
        "Say /contact ROLE NAME NUMBER, e.g. /contact GP Dr Levin 020 7946 0000. A number "
        "without its + country code is read in the circle's /timezone.",
        "Escribe /contact ROL NOMBRE NÚMERO, p. ej. /contact farmacia Farmacia Sol 912 345 678. "
        "Un número sin + y prefijo de país se lee según la /timezone del círculo.",
        "Écrivez /contact RÔLE NOM NUMÉRO, par ex. /contact pharmacie Pharmacie du Marché "
        "01 23 45 67 89. Un numéro sans + et indicatif se lit selon la /timezone du cercle.",
        "Schreib /contact ROLLE NAME NUMMER, z. B. /contact Apotheke Löwen-Apotheke 030 1234568. "
        "Eine Nummer ohne + und Landesvorwahl wird nach der /timezone des Kreises gelesen.",
        "Escreva /contact FUNÇÃO NOME NÚMERO, p. ex. /contact farmácia Farmácia Central "
        "21 123 4568. Um número sem + e indicativo lê-se segundo a /timezone do círculo.",
        "Scrivi /contact RUOLO NOME NUMERO, ad es. /contact farmacia Farmacia Centrale "
        "06 1234 5679. Un numero senza + e prefisso si legge secondo la /timezone del cerchio.",
    ),
    "contact.role.gp": (
        "GP",
        "Médico de cabecera",
        "Médecin traitant",
        "Hausarzt",
        "Médico de família",
        "Medico di base",
    ),
    "contact.role.pharmacy": (
        "Pharmacy",
        "Farmacia",
        "Pharmacie",
        "Apotheke",
        "Farmácia",
        "Farmacia",
    ),
    "contact.role.nurse": (
        "Nurse",
        "Enfermería",
        "Infirmière",
        "Pflegedienst",
        "Enfermagem",
        "Infermiera",
    ),
    "contact.role.hospital": (
        "Hospital",
        "Hospital",
        "Hôpital",
        "Krankenhaus",
        "Hospital",
        "Ospedale",
    ),
    "contact.role.dentist": ("Dentist", "Dentista", "Dentiste", "Zahnarzt", "Dentista", "Dentista"),
    "contact.role.physio": (
        "Physio",
        "Fisioterapia",
        "Kiné",
        "Physiotherapie",
        "Fisioterapia",
        "Fisioterapia",
    ),
    "contact.role.social_worker": (
        "Social worker",
        "Trabajo social",
        "Assistante sociale",
        "Sozialdienst",
        "Assistente social",
        "Assistente sociale",
    ),
    "contact.role.carer": (
        "Carer",
        "Cuidadora",
        "Aide à domicile",
        "Betreuung",
        "Cuidadora",
        "Badante",
    ),
}
