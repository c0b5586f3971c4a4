# Being written in this session (issue 6).


def notification_booking_event(*, booking_id: int, event: str, actor_id: int | None, data: dict | None = None) -> None:
    return None
