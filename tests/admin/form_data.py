"""What the admin's forms are sent in tests: complete POST data, override what matters."""

from recommendations.models import Recommendation

# The status-update inline of the recommendation form, with no form in it.
NO_STATUS_UPDATES = {
    "status_updates-TOTAL_FORMS": "0",
    "status_updates-INITIAL_FORMS": "0",
}


def recommendation_form_data(recommendation=None, **changes):
    """A complete POST for the recommendation form (add, or change of `recommendation`)."""
    data = {
        "code": "AJ-2025-900",
        "title": "Stockpile critical minerals jointly",
        "text": "Both governments should plan a joint reserve.",
        "rationale": "",
        "lead": "joint",
        "priority": "high",
        "target_date": "2026-06-30",
        **NO_STATUS_UPDATES,
    }
    if recommendation is not None:
        data.update(
            code=recommendation.code,
            title=recommendation.title,
            text=recommendation.text,
            lead=recommendation.lead,
            priority=recommendation.priority,
            target_date=str(recommendation.target_date or ""),
            areas=[area.pk for area in recommendation.policy_areas.all()],
            raised_at=[workshop.pk for workshop in recommendation.workshops.all()],
            addressed_to=[body.pk for body in recommendation.responsible_bodies.all()],
        )
        count = recommendation.status_updates.count()
        data["status_updates-TOTAL_FORMS"] = data["status_updates-INITIAL_FORMS"] = str(count)
        for index, update in enumerate(recommendation.status_updates.newest_first()):
            data[f"status_updates-{index}-id"] = str(update.pk)
            data[f"status_updates-{index}-recommendation"] = str(recommendation.pk)
        if recommendation.is_published:
            data["is_published"] = "on"
        # The version the form was opened on (optimistic locking of the change form).
        data["opened_version"] = str(
            Recommendation.objects.values_list("version", flat=True).get(pk=recommendation.pk)
        )
    data.update(changes)
    return data
