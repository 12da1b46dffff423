import datetime as dt

from smartshare.core.i18n import TRANSLATIONS, Translator, format_date, format_minutes, format_month
from smartshare.quiz.render import says_select_all


def test_every_language_has_every_key():
    assert set(TRANSLATIONS) == {"en", "fr", "zh", "ja"}
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
    assert Translator("zh-Hans-CN")("curriculum.next") == "下一个"
    assert Translator("ja_JP")("curriculum.next") == "次へ"


def test_durations_read_naturally():
    t = Translator("en")
    assert [format_minutes(m, t) for m in (45, 60, 90, 125)] == ["45 min", "1 h", "1 h 30", "2 h 05"]


def test_durations_follow_each_language():
    minutes = (45, 60, 90, 125)
    assert [format_minutes(m, Translator("fr")) for m in minutes] == ["45 min", "1 h", "1 h 30", "2 h 05"]
    assert [format_minutes(m, Translator("zh")) for m in minutes] == [
        "45 分钟",
        "1 小时",
        "1 小时 30 分钟",
        "2 小时 5 分钟",
    ]
    assert [format_minutes(m, Translator("ja")) for m in minutes] == ["45分", "1時間", "1時間30分", "2時間5分"]


def test_dates_and_months_follow_each_language():
    day = dt.date(2026, 11, 6)
    assert format_date(day, Translator("en")) == "2026-11-06"
    assert format_date(day, Translator("fr")) == "2026-11-06"
    assert format_date(day, Translator("zh")) == "2026年11月6日"
    assert format_date(day, Translator("ja")) == "2026年11月6日"
    assert format_month(2026, 11, Translator("en")) == "November 2026"
    assert format_month(2026, 11, Translator("fr")) == "novembre 2026"
    assert format_month(2026, 11, Translator("zh")) == "2026年11月"
    assert format_month(2026, 1, Translator("ja")) == "2026年1月"


def test_every_language_has_twelve_months():
    for language, table in TRANSLATIONS.items():
        assert len(table["sessions.months"].split(",")) == 12, language


def test_a_question_that_already_says_select_all_is_recognised_in_every_language():
    questions = {
        "en": "Which apply? (Select all that apply)",
        "fr": "Lesquelles ? Plusieurs réponses possibles.",
        "zh": "应该先做出哪些决定？（可多选）",
        "ja": "どれが当てはまりますか？（当てはまるものをすべて選んでください）",
    }
    for language, question in questions.items():
        instruction = Translator(language)("quiz.select_all")
        assert says_select_all(question, instruction), language
        assert not says_select_all("Which one?", instruction), language
