"""Language selection and the bridge that gives WTForms our Vietnamese catalog.

WTForms ships no Vietnamese messages, so its validators' texts are translated in our own
catalog; ``WTFORMS_MESSAGES`` lists the ones our forms can show so extraction keeps them.
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from flask import current_app, g, has_app_context, has_request_context, session
from flask_babel import get_locale, get_translations
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln
from flask_wtf import FlaskForm

from .kept import Kept

WTFORMS_MESSAGES = (
    _l("This field is required."),
    _ln("Field cannot be longer than %(max)d character.",
        "Field cannot be longer than %(max)d characters.", 1),
    _ln("Field must be at least %(min)d character long.",
        "Field must be at least %(min)d characters long.", 1),
    _ln("Field must be exactly %(max)d character long.",
        "Field must be exactly %(max)d characters long.", 1),
    _l("Field must be between %(min)d and %(max)d characters long."),
    _l("Not a valid choice."),
    _l("Invalid Choice: could not coerce."),
    _l("Not a valid integer value."),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Number must be between %(min)s and %(max)s."),
    _l("Invalid CSRF token."),
    _l("The CSRF token is missing."),
    _l("The CSRF token has expired."),
    _l("Invalid input."),
)


def select_locale() -> str:
    """The language chosen from the navbar, else Vietnamese."""
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    if not has_request_context():
        return default
    chosen = session.get("language")
    return chosen if chosen in current_app.config["DEVPARTY_LANGUAGES"] else default


class FormTranslations:
    """WTForms translations object backed by the application's catalog."""

    def gettext(self, string: str) -> str:
        # The raw catalog, not flask_babel.gettext: WTForms fills in "%(max)d" itself.
        return get_translations().ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return get_translations().ungettext(singular, plural, n)


class TranslatedForm(FlaskForm):
    """Base of the app's own (non-admin) forms: CSRF from Flask-WTF, messages from our catalog."""

    class Meta:
        def get_translations(self, form):
            return FormTranslations()


def format_date(value: date | None) -> str:
    """dd/mm/yyyy, the way Vietnamese documents write dates."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time; naive values (SQLite) are UTC."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).strftime(
        "%d/%m/%Y %H:%M"
    )


def _request_locale():
    """The locale Flask-Babel chose for this request (or forced with ``force_locale``), read
    where it keeps it; None before it chose one, or outside an application context."""
    if not has_app_context():
        return None
    chosen = vars(g._get_current_object()).get("_flask_babel")
    return None if chosen is None else vars(chosen).get("babel_locale")


class LocaleKeptTranslations:
    """A Flask-Babel domain that finds its catalog from the request's locale in one step.

    Flask-Babel looks up the request's context, its locale and its catalog again for every
    string, about ten microseconds each; a list page translates some sixty. The catalogs it
    hands out never change in a process (it keeps them per language itself), so they are kept
    here per locale; until the request's locale is chosen, Flask-Babel's own lookup answers."""

    def get_translations(self):
        locale = _request_locale()
        if locale is None:
            return super().get_translations()
        return _kept_catalogs.get((self, locale), super().get_translations)


_kept_catalogs = Kept(most=16)  # per (domain, locale): two domains, two languages


def keep_translations(app) -> None:
    """Give the application's and Flask-Admin's translation domains ``LocaleKeptTranslations``."""
    from flask_admin import babel as admin_babel

    with app.app_context():
        domains = (app.extensions["babel"].instance.domain_instance, admin_babel.domain)
    for domain in domains:
        if not isinstance(domain, LocaleKeptTranslations):
            domain.__class__ = type(f"Kept{type(domain).__name__}",
                                    (LocaleKeptTranslations, type(domain)), {})


def product_catalog_first() -> None:
    """Make the product's reviewed catalog of Flask-Admin's strings win over the one bundled
    with Flask-Admin ("Kỷ lục được tạo thành công", "50 mặt hàng").

    Flask-Admin's translation domain lists the application's folder first and its own last,
    and Flask-Babel lets the last catalog loaded override the earlier ones: the bundled,
    partly wrong, entries would win. The domain keeps its folders; only their order flips.
    """
    from flask_admin import babel as admin_babel

    domain = admin_babel.domain
    if getattr(domain, "product_first", False):
        return
    bundled = type(domain)

    class ProductFirst(bundled):
        product_first = True

        @property
        def translation_directories(self) -> list[str]:
            return list(reversed(bundled.translation_directories.fget(self)))

    domain.__class__ = ProductFirst


def picker_messages() -> dict[str, str]:
    """What the pickers say while searching, in the user's language (static/js/pickers.js):
    every page carries them, so each language's are translated once per process."""
    return _picker_messages(str(get_locale()))


@lru_cache(maxsize=8)
def _picker_messages(locale: str) -> dict[str, str]:
    return {
        "noMatches": _("Nothing found"),
        "searching": _("Searching…"),
        "loadMore": _("Loading more…"),
        "ajaxError": _("The search failed; please try again."),
        "inputTooShort": _("Type at least {n} more character(s)"),
        "inputTooLong": _("Delete {n} character(s)"),
        "selectionTooBig": _("You can choose at most {n}"),
        "apply": _("Choose"),
        "cancel": _("Cancel"),
        "weekdays": [_("Su"), _("Mo"), _("Tu"), _("We"), _("Th"), _("Fr"), _("Sa")],
        "months": [_("Jan"), _("Feb"), _("Mar"), _("Apr"), _("May"), _("Jun"), _("Jul"),
                   _("Aug"), _("Sep"), _("Oct"), _("Nov"), _("Dec")],
    }


def register_template_helpers(app) -> None:
    """Formatting helpers every template may use."""
    from .admin.labels import LABELS, field_value
    from .models.choices import IMPORT_STATUSES, STAGES

    app.jinja_env.globals.update(
        get_locale=get_locale,
        picker_messages=picker_messages,
        format_date=format_date,
        format_datetime=format_datetime,
        stage_label=STAGES.label,
        import_status=IMPORT_STATUSES.label,
        field_label=lambda name: str(LABELS.get(name, name)),
        field_value=field_value,
    )
