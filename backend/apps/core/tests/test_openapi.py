import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from apps.core.exceptions import AppError, Conflict, NotFound, RateLimited
from apps.core.openapi import INVALID_INPUT, NOT_AUTHENTICATED, DocumentedError, error_responses
from apps.core.serializers import ErrorSerializer, RateLimitedErrorSerializer


class ThingNotFound(NotFound):
    code = "thing_not_found"
    message = _("Not found.")


class ThingTaken(Conflict):
    code = "thing_taken"
    message = _("The request conflicts with the current state.")


class ThingTooOften(RateLimited):
    code = "thing_too_often"
    message = _("Too many requests. Please try again later.")


def test_one_response_per_status_listing_each_code_with_its_message():
    responses = error_responses(INVALID_INPUT, ThingNotFound, ThingTaken, NotFound)

    assert list(responses) == [400, 404, 409]
    assert responses[404].response is ErrorSerializer
    assert str(responses[404].description) == "- `thing_not_found`: Not found.\n- `not_found`: Not found."
    assert str(responses[409].description) == "- `thing_taken`: The request conflicts with the current state."
    assert str(responses[400].description).startswith("- `invalid`: Invalid input. `errors` lists")


def test_groups_are_flattened_and_repeated_errors_listed_once():
    group = (NOT_AUTHENTICATED, ThingNotFound)

    responses = error_responses(group, [ThingNotFound])

    assert list(responses) == [401, 404]
    assert str(responses[401].description) == "- `not_authenticated`: Authentication credentials were not provided."
    assert str(responses[404].description) == "- `thing_not_found`: Not found."


def test_rate_limits_document_the_retry_after_body_and_notes_follow_the_list():
    responses = error_responses(ThingTooOften, notes={429: "Per number."})

    assert responses[429].response is RateLimitedErrorSerializer
    assert str(responses[429].description) == (
        "- `thing_too_often`: Too many requests. Please try again later.\n\n"
        "The `Retry-After` header and `retry_after` give the seconds to wait. Per number."
    )


def test_messages_are_english_whatever_the_active_language():
    responses = error_responses(ThingNotFound, DocumentedError(400, "custom", _("Invalid input.")))

    with translation.override("ar"):
        descriptions = {status: str(response.description) for status, response in responses.items()}

    assert descriptions == {400: "- `custom`: Invalid input.", 404: "- `thing_not_found`: Not found."}


def test_a_note_for_a_status_without_errors_is_refused():
    with pytest.raises(ValueError, match=r"\[503\]"):
        error_responses(ThingNotFound, notes={503: "Nothing was sent."})


def test_anything_but_error_classes_is_refused():
    with pytest.raises(TypeError):
        error_responses(AppError())


def test_a_status_may_document_a_richer_body():
    class ThingTakenErrorSerializer(ErrorSerializer):
        pass

    responses = error_responses(ThingNotFound, ThingTaken, bodies={409: ThingTakenErrorSerializer})

    assert (responses[404].response, responses[409].response) == (ErrorSerializer, ThingTakenErrorSerializer)
    with pytest.raises(ValueError, match=r"\[503\]"):
        error_responses(ThingNotFound, bodies={503: ErrorSerializer})
