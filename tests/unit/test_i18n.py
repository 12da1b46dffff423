from smartshare.core.i18n import TRANSLATIONS, Translator, format_minutes


def test_every_language_has_every_key():
    english = set(TRANSLATIONS["en"])
    for language, table in TRANSLATIONS.items():
        assert set(table) == english, language


def test_placeholders_match_between_languages():
    import string

    def names(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, text in TRANSLATIONS["en"].items():
        for language, table in TRANSLATIONS.items():
            assert names(table[key]) == names(text), (language, key)


def test_language_is_picked_from_the_theme_setting_with_english_fallback():
    assert Translator("fr")("curriculum.next") == "Suivant"
    assert Translator("fr_CA")("curriculum.next") == "Suivant"
    assert Translator("de")("curriculum.next") == "Next"


def test_durations_read_naturally():
    t = Translator("en")
    assert [format_minutes(m, t) for m in (45, 60, 90, 125)] == ["45 min", "1 h", "1 h 30", "2 h 05"]
