# Being written in this session (issue 5).


def payment_booking_event(*, booking_id: int, event: str, actor_id: int | None) -> None:
    return None
