"""A circle hears the bot in its own language, dates included."""

from __future__ import annotations

from tests.conftest import Circle


def test_a_spanish_circle_hears_spanish(circle: Circle) -> None:
    circle.say("lucia", "/language es en")
    circle.bot_messages()
    circle.say("lucia", "task: recoger la receta de la abuela")
    [ack] = circle.bot_messages()
    assert ack.text == '📝 #1 Recoger la receta de la abuela · responde "me encargo" para tomarla'
    assert [button.label for button in ack.buttons] == ["✋ Me encargo", "✅ Hecho"]
    circle.say("pablo", "/claim 1")
    circle.say("pablo", "/done 1")
    texts = [m.text for m in circle.bot_messages() if not m.edit_of]
    assert texts == [
        "✋ Pablo se encarga de #1 Recoger la receta de la abuela",
        "✅ #1 Recoger la receta de la abuela — hecha por Pablo",
    ]
    circle.say("pablo", "undo")
    assert circle.texts()[0] == "↶ Deshecho: la finalización de Pablo."


def test_dates_in_lists_follow_the_circles_language(circle: Circle) -> None:
    circle.say("anna", "/language de")
    circle.say("anna", "decision: Oma zieht ins Erdgeschoss")
    circle.say("anna", "/decisions")
    assert circle.texts()[-1] == "Entscheidungen:\n#1 Oma zieht ins Erdgeschoss (Anna, Mo 16 Nov)"


def test_an_italian_circle_hears_italian(circle: Circle) -> None:
    circle.say("anna", "/language it")
    circle.say("anna", "/tasks")
    assert circle.texts()[-1] == "Nessun compito aperto. 🌿"


def test_notices_from_the_platforms_speak_the_circles_language(circle: Circle) -> None:
    circle.say("ines", "/language pt")
    circle.bot_messages()
    circle.core.notice_once(circle.platform, circle.chat_id, "notice.privacy", circle.now)
    circle.core.notice_once(circle.platform, circle.chat_id, "notice.privacy", circle.now)
    [notice] = circle.texts()  # said once, however often the platform reports it
    assert notice.startswith("⚠️ Aqui só vejo comandos")
