from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .models import Followed, Frequency
from .targets import Target, list_target


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    followed = forms.ChoiceField(choices=Followed.choices, widget=forms.HiddenInput)
    target = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        followed, target = cleaned.get("followed"), cleaned.get("target", "")
        if not followed:
            raise ValidationError(
                _("Choose what to follow from a page of the tracker."), code="nothing_followed"
            )
        if followed == Followed.LIST:
            # The list's filters, checked and put in order: the same view followed twice is
            # one subscription, and an unknown value never reaches an email.
            cleaned["target"] = list_target(QueryDict(target))
        elif not Target(followed, target).exists():
            raise ValidationError(
                _("There is nothing on the public site to follow at this address."),
                code="unknown_target",
            )
        return cleaned
