"""drf-spectacular post-processing: the answers every operation of a kind can give, documented once.

- Every operation that accepts a token answers 401 to a bad, expired or revoked one (also where the token
  is optional: a wrong token is refused, not ignored).
- Every paginated list answers 404 for a page past the last one, and every operation with a path
  parameter 404 for a value that names nothing (or is not of the parameter's type: the URL does not resolve).
- Every operation may answer 429 (`throttled`): every anonymous request is rate-limited, and the
  expensive ones for everybody (apps/core/throttling.py).
"""

ERROR_REF = {"$ref": "#/components/schemas/Error"}
RATE_LIMITED_REF = {"$ref": "#/components/schemas/RateLimitedError"}


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def add_common_responses(result, generator, request, public):
    for route, operations in result.get("paths", {}).items():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            if any("jwtAuth" in requirement for requirement in operation.get("security", [])):
                responses.setdefault(
                    "401",
                    _error_response(
                        "`not_authenticated`: no token where one is needed; `token_not_valid`, "
                        "`bad_authorization_header`, …: the token is malformed, expired or revoked."
                    ),
                )
            if any(parameter.get("name") == "page" for parameter in operation.get("parameters", [])):
                responses.setdefault("404", _error_response("`not_found`: the page is past the last one."))
            if "{" in route:
                responses.setdefault("404", _error_response("`not_found`: nothing of that id (or not an id at all)."))
            responses.setdefault(
                "429",
                {
                    "description": "`throttled`: too many requests; retry after `Retry-After` seconds.",
                    "content": {"application/json": {"schema": RATE_LIMITED_REF}},
                },
            )
    return result
