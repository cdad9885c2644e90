"""Steering phrases, settings and answers that work in every language a circle reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from handlers.messages import Incoming
from handlers.phrases import phrase
from handlers.routing import Act, RemindMe, SetZone, route, unread_language
from handlers.settings import find_zone, zone_from_phrase
from handlers.understanding import Intent, Kind, understand
from handlers.understanding.locales import codes
from handlers.understanding.samples import sample_requests
from tests.conftest import Circle
from tests.help_examples import EXAMPLES

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
MESSAGE = Incoming("console", "family", "1", "ann", "Ann", MONDAY)
LANGUAGES = list(EXAMPLES)

REMIND_ME = {
    "en": "remind me tomorrow",
    "es": "recuérdamelo mañana",
    "fr": "rappelle-moi demain",
    "de": "erinnere mich morgen",
    "pt": "me lembra amanhã",
    "it": "ricordamelo domani",
}
OUR_ZONE = {
    "en": "our time zone is Europe/Madrid",
    "es": "nuestra zona horaria es Europe/Madrid",
    "fr": "notre fuseau horaire est Madrid",
    "de": "unsere Zeitzone ist Madrid",
    "pt": "o nosso fuso horário é Madrid",
    "it": "il nostro fuso orario è Madrid",
}


def routed(text: str, languages: tuple[str, ...] = ("en",), **fields: object):
    incoming = replace(MESSAGE, text=text, **fields)  # type: ignore[arg-type]
    return route(incoming, text, MONDAY, languages)


# -- steering: "#N me", remind me, our time zone is … ---------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("#4 me", Kind.CLAIM),
        ("#4 yo", Kind.CLAIM),
        ("#4 moi", Kind.CLAIM),
        ("#4 ich", Kind.CLAIM),
        ("#4 eu", Kind.CLAIM),
        ("#4 io!", Kind.CLAIM),
        ("#4 para mí", Kind.CLAIM),
        ("#4 à moi", Kind.CLAIM),
        ("#4 für mich", Kind.CLAIM),
        ("#4 ERLEDIGT", Kind.DONE),
        ("#4 done", Kind.DONE),
        ("#4 hecho", Kind.DONE),
        ("#4 fait", Kind.DONE),
        ("#4 Erledigt ✅", Kind.DONE),
        ("#4 feito", Kind.DONE),
        ("#4 fatto", Kind.DONE),
    ],
)
def test_a_number_and_a_word_is_a_claim_or_done_in_any_language(text: str, kind: Kind) -> None:
    for languages in [("en",), ("es",), ("de", "it")]:
        assert routed(text, languages) == Act(Intent(kind, ref=4))


def test_only_the_bare_form_is_steering() -> None:
    for languages in (("en",), ("es",)):  # "4 yo" may be an age: no claim of #4
        assert routed("4 yo", languages) != Act(Intent(Kind.CLAIM, ref=4))
    later = routed("#4 io ci penso domani", ("en",))  # a claim for a later day: nothing yet
    assert not isinstance(later, Act) or later.intent.kind is Kind.NONE


@pytest.mark.parametrize("language", LANGUAGES)
def test_remind_me_is_routed_in_the_circles_language(language: str) -> None:
    said = REMIND_ME[language]
    assert isinstance(routed(said, (language,), reply_to_id="7"), RemindMe)
    assert not isinstance(routed(said, (language,)), RemindMe)  # only as a reply


@pytest.mark.parametrize("language", LANGUAGES)
def test_remind_me_on_a_held_task_snoozes_it_in_every_language(
    circle: Circle, language: str
) -> None:
    circle.say("alice", f"/language {language}")
    asked = circle.say("alice", EXAMPLES[language]["request"])
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.say("bob", REMIND_ME[language], reply_to_id=asked)
    [answer] = circle.texts()
    assert answer.startswith("😴 #1"), answer
    assert "Bob" in answer and "17" in answer, answer  # until tomorrow, Tuesday the 17th


def test_remind_me_alone_leaves_the_moment_to_the_snooze_in_every_language() -> None:
    # No words of any one language stand in for "tomorrow": the snooze's own default does.
    assert routed("remind me", ("en",), reply_to_id="7") == RemindMe("")
    assert routed("ricordamelo", ("it",), reply_to_id="7") == RemindMe("")
    assert routed("ricordamelo venerdì", ("it",), reply_to_id="7") == RemindMe("venerdì")


def test_remind_me_in_a_language_the_circle_does_not_read_gets_the_hint(circle: Circle) -> None:
    asked = circle.say("alice", "can someone bring soup friday?")
    circle.say("lucia", "/claim 1")
    circle.bot_messages()
    circle.say("lucia", "recuérdamelo mañana", reply_to_id=asked)
    [hint] = circle.texts()
    assert hint.startswith("Aquí solo leo inglés") and hint.endswith("/language en es")


@pytest.mark.parametrize("language", LANGUAGES)
def test_our_time_zone_is_works_in_every_language(circle: Circle, language: str) -> None:
    assert routed(OUR_ZONE[language]) == SetZone("Europe/Madrid")
    circle.say("alice", f"/language {language}")
    circle.bot_messages()
    circle.say("alice", OUR_ZONE[language])
    [answer] = circle.texts()
    assert answer == phrase("set.zone", (language,), name="Alice", zone="Europe/Madrid")


@pytest.mark.parametrize(
    ("said", "zone"),
    [
        ("Madrid", "Europe/Madrid"),
        ("new york", "America/New_York"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Zürich", "Europe/Zurich"),
        ("buenos aires", "America/Argentina/Buenos_Aires"),
        ("europe/london", "Europe/London"),
        ("Europe/Paris", "Europe/Paris"),
        ("UTC", "UTC"),
        ("Lisboa", "Europe/Lisbon"),
        ("London", "Europe/London"),  # as /help shows it
    ],
)
def test_a_zone_can_be_named_by_its_city(said: str, zone: str) -> None:
    assert find_zone(said).zone == zone
    assert zone_from_phrase(f"our time zone is {said}") == zone


def test_timezone_takes_a_city_and_explains_what_it_cannot_take(circle: Circle) -> None:
    circle.say("alice", "/timezone Madrid")
    circle.say("alice", "/timezone new york")
    circle.say("alice", "/timezone Madird")
    circle.say("alice", "/timezone Córdoba")
    circle.say("alice", "/timezone Narnia")
    answers = circle.texts()
    assert answers[0] == phrase("set.zone", ("en",), name="Alice", zone="Europe/Madrid")
    assert answers[1] == phrase("set.zone", ("en",), name="Alice", zone="America/New_York")
    assert answers[2].startswith("I don't know the time zone 'Madird'. Did you mean")
    assert "Europe/Madrid" in answers[2]
    assert "America/Argentina/Cordoba" in answers[3] and "Europe/Madrid" in answers[3]
    assert answers[4].startswith("I don't know the time zone 'Narnia'")
    circle.say("bob", "our time zone is Narnia")
    assert circle.texts()[-1].startswith("I don't know the time zone 'Narnia'")


def test_a_zone_phrase_inside_other_chat_is_only_taken_when_it_names_a_zone() -> None:
    assert zone_from_phrase("our time zone is New York now that we moved") == "America/New_York"
    assert zone_from_phrase("our time zone is something we argue about a lot") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_undo_and_not_a_task_work_in_every_language(circle: Circle, language: str) -> None:
    said = EXAMPLES[language]
    circle.say("alice", f"/language {language}")
    wrong = circle.say("alice", said["request"])
    circle.bot_messages()
    circle.say("bob", said["not_a_task"], reply_to_id=wrong)
    assert circle.texts()[-1].startswith("🗑"), language
    circle.say("bob", said["undo"])
    assert circle.texts()[-1].startswith("↶"), language


# -- snooze on a task one does not hold -------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_snoozing_a_task_one_does_not_hold_or_that_is_done_says_why(
    circle: Circle, language: str
) -> None:
    circle.say("alice", f"/language {language}")
    asked = circle.say("alice", EXAMPLES[language]["request"])
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.say("carol", "/snooze 1 tomorrow")
    circle.say("carol", REMIND_ME[language], reply_to_id=asked)
    not_on = phrase("snooze.not_on", (language,), number=1)
    answers = circle.bot_messages()
    assert [message.text for message in answers] == [not_on, not_on]
    assert all(message.reaction is None for message in answers)  # no 👌: nothing was snoozed
    circle.say("bob", "/done 1")
    circle.bot_messages()
    circle.say("bob", "/snooze 1")
    assert circle.texts() == [phrase("already.done", (language,), number=1)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_snooze_without_a_day_lasts_until_tomorrow_morning(circle: Circle, language: str) -> None:
    circle.say("alice", f"/language {language}")
    circle.say("alice", "/quiet off")
    circle.say("alice", EXAMPLES[language]["request"])
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.say("bob", "/snooze 1")
    [answer] = circle.texts()
    assert answer.startswith("😴 #1") and answer.endswith("08:00"), answer


def test_the_snooze_answers_say_what_was_wrong_in_english(circle: Circle) -> None:
    circle.say("alice", "can someone bring soup friday?")
    circle.say("bob", "/claim 1")
    circle.bot_messages()
    circle.say("carol", "/snooze 1")
    assert circle.texts()[0].startswith("You're not on #1")


# -- a language the circle has not set --------------------------------------------------------


def test_a_request_in_a_language_the_circle_does_not_read_gets_one_hint(circle: Circle) -> None:
    circle.say("alice", "morning all")
    circle.say("lucia", "¿alguien puede recoger la receta de mamá mañana?")
    [hint] = circle.texts()
    assert hint.startswith("Aquí solo leo inglés"), hint
    assert hint.endswith("/language en es")
    circle.say("lucia", "¿alguien puede llevar a papá al médico el martes?")
    circle.say("lucia", "hecho")
    assert circle.texts() == []  # once per circle and language
    circle.say("marie", "quelqu'un peut chercher les courses demain ?")
    [hint] = circle.texts()
    assert hint.startswith("Ici je ne lis que anglais") and hint.endswith("/language en fr")
    circle.say("alice", "/language en es")
    circle.say("lucia", "¿alguien puede recoger la receta de mamá mañana?")
    assert circle.texts()[-1].startswith("📝 #1")


def test_a_hint_comes_in_the_language_it_is_about(circle: Circle) -> None:
    circle.say("alice", "/language es")
    circle.bot_messages()
    circle.say("anna", "Kann jemand Mamas Rezept Freitag um 15 Uhr abholen?")
    [hint] = circle.texts()
    assert hint.startswith("Hier lese ich nur Spanisch") and hint.endswith("/language es de")


def test_chat_in_another_language_that_asks_nothing_gets_no_hint(circle: Circle) -> None:
    circle.say("lucia", "qué bonito día, mamá durmió muy bien")
    circle.say("anna", "die Sonne scheint heute")
    circle.say("alice", "the doctor says she is doing well")
    assert circle.texts() == []


def test_chat_and_hinted_languages_never_reach_the_database(circle: Circle) -> None:
    circle.say("lucia", "¿alguien puede recoger la receta de mamá mañana?")  # the hint
    circle.say("alice", "morning")
    circle.bot_messages()
    calls = []
    real_run = circle.core.database.run

    def counting_run(*args, **kwargs):
        calls.append(args[0])
        return real_run(*args, **kwargs)

    circle.core.database.run = counting_run  # type: ignore[method-assign]
    circle.say("lucia", "qué bonito día, mamá durmió muy bien")
    circle.say("lucia", "¿alguien puede llevar a papá al médico el martes?")
    circle.say("alice", "she had a good night, ate all her porridge")
    assert calls == []


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("¿alguien puede recoger la receta de mamá el viernes a las 15?", ("en",), "es"),
        ("hecho", ("en",), "es"),
        ("c'est fait", ("en",), "fr"),
        ("qualcuno può ritirare la ricetta della mamma venerdì alle 15?", ("es",), "it"),
        ("alguém pode buscar a receita da mãe sexta às 15h?", ("en", "es"), "pt"),
        ("can someone pick up the prescription friday?", ("de",), "en"),
        ("que bonito el día de hoy", ("en",), None),
        ("the doctor said she is fine", ("es",), None),
        ("she had a good night", ("en",), None),
    ],
)
def test_the_unread_language_is_found_only_for_acts(
    text: str, languages: tuple[str, ...], expected: str | None
) -> None:
    assert unread_language(replace(MESSAGE, text=text), text, MONDAY, languages) == expected


# -- the export -------------------------------------------------------------------------------


def test_the_export_speaks_the_circles_language(circle: Circle) -> None:
    circle.say("lucia", "/language es")
    circle.say("lucia", "task: recoger la receta el viernes")
    circle.say("pablo", "/claim 1")
    circle.bot_messages()
    circle.say("pablo", "/export")
    [text] = circle.texts()
    assert "## Tareas abiertas\n- #1 Recoger la receta" in text
    assert "vie 20 nov" in text.lower(), text
    assert "## Hechas\n- ninguna" in text and "## Decisiones\n- ninguna" in text
    assert "Open" not in text and "none" not in text
    circle.say("pablo", "/export ics")
    circle.say("pablo", "/export json")
    circle.say("pablo", "/export fhir")
    circle.say("pablo", "/export pdf")
    ics, json_file, fhir, usage = circle.bot_messages()
    assert ics.text == "📎 Las tareas del círculo como archivo de calendario"
    assert ics.attachment is not None and "DESCRIPTION:La tiene Pablo" in ics.attachment.content
    assert json_file.text == "📎 Las tareas y decisiones del círculo en JSON"
    assert fhir.text.startswith("📎 El equipo, el plan y las tareas del círculo en FHIR")
    assert fhir.attachment is not None and "La tiene Pablo" in fhir.attachment.content
    assert usage.text.startswith("Exporta con /export")


@pytest.mark.parametrize("language", LANGUAGES)
def test_export_headings_follow_each_language(circle: Circle, language: str) -> None:
    circle.say("ann", f"/language {language}")
    circle.bot_messages()
    circle.say("ann", "/export")
    [text] = circle.texts()
    for key in ("open", "done", "decisions"):
        assert f"## {phrase(f'export.{key}', (language,))}\n" in text


def test_a_number_and_a_word_acts_through_the_core_whatever_the_circles_language(
    circle: Circle,
) -> None:
    circle.say("alice", "can someone bring soup friday?")
    circle.say("alice", "can someone pick up the pills tomorrow?")
    circle.bot_messages()
    circle.say("anna", "#1 ich")
    circle.say("giulia", "#2 io")
    circle.say("giulia", "#2 fatto")
    texts = circle.texts()
    assert texts[0].startswith("✋ Anna") and "#1" in texts[0], texts
    assert texts[1].startswith("✋ Giulia") and "#2" in texts[1], texts
    assert texts[-1].startswith("✅") and "#2" in texts[-1], texts


# -- reading prepared at start ----------------------------------------------------------------


@pytest.mark.parametrize("language", codes())
def test_the_sample_read_at_start_exercises_the_time_grammar_of_each_language(
    language: str,
) -> None:
    """What ``carecircle run`` reads before it listens builds the whole reader: a request with
    a weekday, a day of a month and a clock time, read as the task it is."""
    explicit, *_ = sample_requests((language,))
    intent = understand(explicit, MONDAY, (language,))
    assert intent.kind is Kind.TASK
    assert intent.due == datetime(2027, 3, 5, 10, 30, tzinfo=UTC)


def test_reading_is_prepared_for_every_set_of_languages_the_circles_use(circle: Circle) -> None:
    circle.say("ann", "/language es fr")
    other = Circle(circle.core, chat_id="neighbours")
    other.say("bob", "hello")  # a new circle reads the default, English
    circle.texts(), other.texts()
    assert circle.core.prepare_reading(MONDAY) == 2  # ("es", "fr") and ("en",)
    assert circle.texts() == other.texts() == []  # the samples are read, never recorded
