"""The one translation table of every UI string the plugins emit, chosen by `theme.language`.

Keys are grouped by the plugin that uses them. Every language has every key (a test checks it); a missing
language falls back to English. Placeholders use `str.format` names.
"""

from __future__ import annotations

DEFAULT_LANGUAGE = "en"

TRANSLATIONS: dict[str, dict[str, str]] = {
    "en": {
        # curriculum: catalogue, track, module, mentor and tag pages
        "curriculum.catalogue": "Catalogue",
        "curriculum.catalogue_intro": "Every track of the curriculum, in the order we suggest taking them.",
        "curriculum.tracks": "Tracks",
        "curriculum.about": "About this programme",
        "curriculum.all_modules": "All modules",
        # curriculum: filters of module cards (catalogue, track pages; filters.js)
        "filters.label": "Filter modules",
        "filters.level": "Level",
        "filters.any_level": "Any level",
        "filters.duration": "Duration",
        "filters.any_duration": "Any duration",
        "filters.duration.up-to-30": "30 min or less",
        "filters.duration.30-60": "30 to 60 min",
        "filters.duration.over-60": "More than an hour",
        "filters.audience": "Audience",
        "filters.any_audience": "Anyone",
        "filters.tag": "Tag",
        "filters.any_tag": "Any tag",
        "filters.clear": "Show all modules",
        "filters.shown_one": "1 module shown",
        "filters.shown": "{count} modules shown",
        "filters.none": "No module matches these filters.",
        "curriculum.modules": "Modules",
        "curriculum.track": "Track",
        "curriculum.modules_count": "{count} modules",
        "curriculum.module_count_one": "1 module",
        "curriculum.total_duration": "Total duration",
        "curriculum.duration": "Duration",
        "curriculum.level": "Level",
        "curriculum.levels": "Levels",
        "curriculum.level.beginner": "Beginner",
        "curriculum.level.intermediate": "Intermediate",
        "curriculum.level.advanced": "Advanced",
        "curriculum.audience": "For",
        "curriculum.mentors": "Mentors",
        "curriculum.mentor": "Mentor",
        "curriculum.objectives": "Objectives",
        "curriculum.track_objectives": "What you will be able to do",
        "curriculum.prerequisites": "Before this module",
        "curriculum.tags": "Tags",
        "curriculum.tag": "Tag",
        "curriculum.tags_intro": "Every keyword used in the curriculum, with its modules.",
        "curriculum.tag_intro": "Modules tagged {tag}.",
        "curriculum.previous": "Previous",
        "curriculum.next": "Next",
        "curriculum.module_position": "Module {position} of {total} in {track}",
        "curriculum.reviewed": "Content last reviewed on {date}",
        "curriculum.not_reviewed": "Content not reviewed yet",
        "curriculum.draft": "Draft",
        "curriculum.draft_notice": "This module is a draft: it is not part of the published site.",
        "curriculum.teaches": "Modules taught",
        "curriculum.expertise": "Expertise",
        "curriculum.contact": "Contact",
        "curriculum.mentors_intro": "The people who teach the curriculum.",
        "curriculum.no_modules": "No module yet.",
        "curriculum.minutes": "{minutes} min",
        "curriculum.hours": "{hours} h",
        "curriculum.hours_minutes": "{hours} h {minutes:02d}",
        "curriculum.reference": "Field reference",
        "curriculum.reference_intro": (
            "Every field a mentor can write, checked by every build and by `smartshare check`."
        ),
        "curriculum.field": "Field",
        "curriculum.type": "Type",
        "curriculum.required": "Required",
        "curriculum.example": "Example",
        "curriculum.description": "Description",
        "curriculum.yes": "yes",
        "curriculum.no": "no",
        # the 404 page: what a learner who followed a dead link can do next
        "notfound.title": "Page not found",
        "notfound.text": "No page of this site has this address: the page may have moved, or the link may be mistyped.",
        "notfound.search": "Search the site",
        "notfound.search_button": "Search",
        "notfound.catalogue": "Browse the catalogue",
        "notfound.learning": "See my learning",
        # curriculum: language sites (one site per language, see core/translations.py)
        "i18n.not_translated": "Not yet translated into {language} — shown in {source}.",
        "i18n.stale": "The {source} version was updated on {date}; this translation may be out of date.",
        "i18n.read_source": "Read the {source} version",
        "i18n.reference_heading": "Translations",
        "i18n.reference": (
            "A module `chatbots.md` is translated by `chatbots.fr.md`, `chatbots.zh.md` … next to it (one file per "
            "language listed in `languages` of smartshare/curriculum). A translation's front matter holds only "
            "{fields} and `translated_from:`, the git commit of the source it translates; every other field comes "
            "from the source, and repeating one with another value is a warning. Its body, quizzes (with the "
            "source's quiz ids) and mentor notes are its own. `index.fr.md` translates `index.md`; `track.fr.yml` "
            "holds a track's translated title, summary, objectives and audience; `mentors.fr.yml` maps mentor ids to "
            "their translated {mentor_fields}. `smartshare check` says when a source changed since "
            "`translated_from` (the date and the lines) and which modules are not translated yet."
        ),
        "language.en": "English",
        "language.fr": "French",
        "language.zh": "Chinese",
        "language.ja": "Japanese",
        # feedback: feedback block of module pages and the mentor view (smartshare/feedback)
        "feedback.question": "How useful was this module?",
        "feedback.rating_1": "Not useful",
        "feedback.rating_2": "Partly useful",
        "feedback.rating_3": "Very useful",
        "feedback.tell_more": "Tell the mentor more",
        "feedback.ask_mentor": "Ask {name}",
        "feedback.suggest_change": "Suggest a change",
        "feedback.score_prompt": "You scored {score} in the self-check. One click tells your mentor how it went:",
        "feedback.thanks": (
            "Thanks — your rating “{label}” is remembered on this device. Send the form that opened so that your "
            "mentor receives it."
        ),
        "feedback.thanks_mailto": (
            "Thanks — your rating “{label}” is remembered on this device. Send the e-mail that opened so that your "
            "mentor receives it."
        ),
        "feedback.rated_before": "You rated this module “{label}” on this device.",
        "feedback.mentor_note": "Mentor note",
        "feedback.figures.landed": "How it landed",
        "feedback.figures.none": (
            "No feedback records for this module yet: import a survey export with 'smartshare feedback import'."
        ),
        "feedback.figures.not_enough": "Not enough responses yet ({count} of {needed}).",
        "feedback.figures.summary": (
            "{count} responses, mean rating {mean} on the scale of 1 (not useful) to 3 (very useful)."
        ),
        "feedback.figures.decimal": ".",
        "feedback.figures.pair": "{label}: {value}",
        "feedback.figures.separator": "; ",
        "feedback.figures.ratings_of": "Ratings of {title}",
        "feedback.figures.ratings_desc": "{parts}. Mean {mean} from {count} responses.",
        "feedback.figures.trend": "Trend by session",
        "feedback.figures.trend_of": "Mean rating by session: {title}",
        "feedback.figures.trend_desc": (
            "Mean rating (1 to 3) by session, in date order, with the number of responses: {parts}."
        ),
        "feedback.figures.no_session": "no session given",
        "feedback.figures.rating": "Rating",
        "feedback.figures.responses": "Responses",
        "feedback.figures.share": "Share",
        "feedback.figures.session": "Session",
        "feedback.figures.date": "Date",
        "feedback.figures.mean": "Mean",
        "feedback.figures.comments": "Latest comments ({shown} of {count})",
        "feedback.figures.comments_note": "Learners' own words: for mentors only, never copied into course pages.",
        "feedback.figures.questions": "Questions",
        "feedback.figures.question": "Question",
        "feedback.figures.first_answers": "First answers",
        "feedback.figures.right": "Right the first time",
        "feedback.figures.wrong_option": "Most chosen wrong option",
        "feedback.figures.too_hard": "too hard",
        "feedback.figures.too_easy": "too easy",
        "feedback.figures.flags_intro": (
            "Questions that fewer than {hard} get right the first time are flagged too hard, more than {easy} too easy."
        ),
        "feedback.figures.track_summary": "Feedback on {name}",
        "feedback.figures.mentor_summary": "{name}",
        "feedback.figures.group_line": (
            "{count} responses over {modules} modules ({enough} with enough responses for figures); "
            "{answers} first answers to questions."
        ),
        "feedback.figures.attention": "Needs attention",
        "feedback.figures.attention_none": "Nothing needs attention.",
        "feedback.figures.reason.low-rating": "low ratings (mean {mean})",
        "feedback.figures.reason.hard-questions": "questions too hard: {questions}",
        "feedback.figures.reason.stale-review": "review due",
        "feedback.figures.programme": "Feedback on the programme",
        "feedback.figures.programme_ratings": "Ratings of every module",
        "feedback.figures.programme_intro": "From {records} feedback records (curricula/feedback/).",
        # end of feedback
        # mentor: the mentor area (smartshare/mentor)
        "mentor.area": "Mentor area",
        "mentor.intro": (
            "Notes, session kits, answer keys and review dates for the people who teach the modules. This part of "
            "the site is for mentors only: keep its address to yourself."
        ),
        "mentor.optin_help": (
            "Turn on “Mentor view” at the top of any page. Remembered by this browser only: course pages then show "
            "a link to their mentor page, the repository and the edit links."
        ),
        "mentor.toggle": "Mentor view",
        "mentor.toggle_on": "on",
        "mentor.toggle_off": "off",
        "mentor.link_module": "Mentor sheet of this module",
        "mentor.link_track": "Mentor page of this track",
        "mentor.link_home": "Mentor area",
        "mentor.sheet": "Mentor sheet: {title}",
        "mentor.track_page": "Mentors: {title}",
        "mentor.course_page": "Course page",
        "mentor.open": "open",
        "mentor.print": "Print the mentor sheet",
        "mentor.session_kit": "Session kit",
        "mentor.notes_count": "Mentor notes in this module: {count}, shown where they apply.",
        "mentor.no_notes": "No mentor notes in this module.",
        "mentor.reviewed_on": "Content reviewed on {date}.",
        "mentor.never_reviewed": "never reviewed",
        "mentor.no_session": "No session kit for this module yet (add 'session:' to its front matter).",
        "mentor.discovery": "Before the session: questions to ask",
        "mentor.run_sheet": "Run sheet",
        "mentor.step": "Step",
        "mentor.minutes": "Minutes",
        "mentor.total": "Total",
        "mentor.duration_mismatch": "the duration is {duration}",
        "mentor.debrief": "After the session: debrief",
        "mentor.reviews": "Review dates",
        "mentor.reviews_intro": "Modules reviewed more than {days} days ago, or never, are highlighted.",
        "mentor.module": "Module",
        "mentor.reviewed": "Reviewed",
        "mentor.age": "Age",
        "mentor.never": "never",
        "mentor.days": "{days} days",
        "mentor.review_due": "review due",
        "mentor.stats": "Curriculum statistics",
        "mentor.stats_intro": (
            "Published modules per track (reviews older than {days} days are stale on {date}); the same figures as "
            "'smartshare stats'."
        ),
        "mentor.drafts": "Drafts",
        "mentor.hours": "Hours",
        "mentor.questions_per_module": "Questions per module",
        "mentor.without_quiz": "No quiz",
        "mentor.never_reviewed_count": "Never reviewed",
        "mentor.stale_count": "Stale review",
        "mentor.load": "Mentors' load",
        "mentor.attention": "Needs attention",
        "mentor.no_quiz": "no quiz;",
        "mentor.reviewed_days_ago": "last reviewed {days} days ago",
        "mentor.all_good": "Every module has a quiz and a recent review.",
        "mentor.by_mentor": "By mentor",
        # end of mentor
        # intranet: publishing (git dates on module pages)
        "intranet.last_changed": "Last changed on {date}",
        # rich: glossary page and image links (smartshare/rich)
        "rich.glossary": "Glossary",
        "rich.glossary_intro": (
            "The jargon used across the modules. In a module, point at or tab to a term to see its meaning."
        ),
        "rich.full_size_image": "Open the full-size image",
        # quiz: self-check questions, their summary and the track page progress (smartshare/quiz)
        "quiz.question": "Question {number}",
        "quiz.select_all": "Select all that apply.",
        "quiz.your_answer": "Your answer",
        "quiz.hint": "Hint",
        "quiz.check": "Check",
        "quiz.try_again": "Try again",
        "quiz.reveal": "Show the answer",
        "quiz.your_choice": "Your choice:",
        "quiz.show_answer": "Show answer",
        "quiz.correct_option": "Correct:",
        "quiz.incorrect_option": "Incorrect:",
        "quiz.accepted_answers": "Accepted answers:",
        "quiz.right": "Correct!",
        "quiz.wrong": "Not quite.",
        "quiz.choose_first": "Choose an answer first.",
        "quiz.type_first": "Type an answer first.",
        "quiz.score": "Self-check: {correct} of {total} correct",
        "quiz.progress": "Self-check: {done} of {total} answered, {correct} correct",
        "quiz.to_retry": "{missed} to retry",
        "quiz.retry_missed": "Retry the ones I missed",
        "quiz.reset": "Reset my answers",
        "progress.done": "Done",
        "progress.mark_done": "Mark as done",
        "progress.marked_done": "You marked this module as done.",
        "progress.undo_done": "Mark as not done",
        "progress.continue": "Continue: {title}",
        "progress.start": "Start: {title}",
        "progress.progress": "{done} of {total} modules",
        "progress.storage_off": (
            "This browser does not let the site keep your progress (private browsing or storage turned off): what "
            "you do here is not saved."
        ),
        "progress.storage_full": (
            "Your browser's storage for this site is full: your latest progress could not be saved."
        ),
        "progress.corrupted": (
            "The progress saved in this browser could not be read; it was set aside and your progress starts afresh."
        ),
        "progress.migrated": "Your progress was saved by an older version of this site; it has been updated.",
        "progress.newer": "Your progress was saved by a newer version of this site; it is shown but not changed here.",
        "progress.import_done": "Progress imported: {count} modules.",
        "progress.import_malformed": "This file is not a progress file of this site: nothing was changed.",
        "progress.import_other_site": "This progress file belongs to another site: nothing was changed.",
        "progress.import_newer": "This progress file comes from a newer version of this site: nothing was changed.",
        "progress.reset_confirm": "Erase all your progress on this site in this browser?",
        "progress.reset_done": "Your progress was erased.",
        "progress.score": "Self-check: {correct} of {total}",
        "progress.by_hand": "marked as done",
        "progress.nothing_yet": "Nothing yet: open a module to start.",
        "learning.title": "My learning",
        "learning.intro": (
            "Your progress stays in this browser: nothing is sent anywhere. Export it to carry it to another browser."
        ),
        "learning.in_progress": "Tracks in progress",
        "learning.done": "Modules done",
        "learning.recent": "Last visited",
        "learning.module": "Module",
        "learning.result": "Result",
        "learning.date": "Done on",
        "learning.save": "Save and restore",
        "learning.export": "Export my progress",
        "learning.import": "Import a progress file",
        "learning.reset": "Erase my progress",
        "learning.needs_js": "This page needs JavaScript: your progress is kept by your browser.",
        # end of quiz
        # handouts: PDF handouts and mentor sheets (smartshare/handouts)
        "handouts.download": "Handout (PDF)",
        "handouts.download_track": "Track handout (PDF)",
        "handouts.qr_page": "This module online",
        "handouts.qr_feedback": "Tell the mentor how it went",
        "handouts.mentor_notes": "Mentor notes",
        "handouts.answer_key": "Answer key",
        "handouts.true": "True",
        "handouts.false": "False",
        # certificate of completion on track pages (smartshare/quiz)
        "certificate.heading": "Certificate of completion",
        "certificate.intro": (
            "You have completed every module of this track. Type your name and print your certificate: "
            "your name stays in this browser, nothing is sent."
        ),
        "certificate.pending": (
            "Complete the self-check of every module of this track to print a certificate of completion "
            "({done} of {total} done)."
        ),
        "certificate.name": "Your name",
        "certificate.print": "Print the certificate",
        "certificate.awarded": "This certifies that",
        "certificate.completed": "has completed every module of the track",
        "certificate.date": "on {date}",
        # end of handouts and certificate
        # sessions: agenda, next sessions of modules and tracks, mentors' schedules, calendar files
        "sessions.upcoming": "Upcoming sessions",
        "sessions.intro": (
            "Live sessions of the programme. Times are those of the place; your own time is shown when it differs."
        ),
        "sessions.past": "Past sessions",
        "sessions.next": "Next sessions",
        "sessions.schedule": "Schedule",
        "sessions.none": "No upcoming session.",
        "sessions.none_past": "No past session yet.",
        "sessions.online": "Online",
        "sessions.join_online": "Online meeting",
        "sessions.seats": "{count} seats",
        "sessions.seats_label": "Seats",
        "sessions.status": "Status",
        "sessions.months": "January,February,March,April,May,June,July,August,September,October,November,December",
        "sessions.status.planned": "Planned",
        "sessions.status.full": "Full",
        "sessions.status.cancelled": "Cancelled",
        "sessions.status.done": "Done",
        "sessions.replaced_by": "Replaced by {session}",
        "sessions.signup": "Sign up",
        "sessions.add_to_calendar": "Add to calendar",
        "sessions.subscribe": "Subscribe to these sessions in your calendar",
        "sessions.subscribe_all": "Subscribe to the whole programme in your calendar",
        "sessions.your_time": "Your time: {time}",
        "sessions.part": "Session {part} of {parts}",
        "sessions.filters": "Filter the sessions",
        "sessions.filter.track": "Track",
        "sessions.filter.mentor": "Mentor",
        "sessions.filter.place": "Place",
        "sessions.filter.language": "Language",
        "sessions.filter.all": "All",
        "sessions.shown": "{count} sessions shown",
        "sessions.all": "All upcoming sessions",
        "sessions.all_of_mentor": "More sessions of {name} in the agenda",
        "sessions.by_month": "Sessions by month",
        "sessions.language": "Language",
        "sessions.mentor_past": "Past sessions of this module",
        "sessions.feedback": "Feedback from this session",
        "sessions.date": "Date",
        "sessions.session": "Session",
        "sessions.calendar": "{site}: sessions",
        "sessions.calendar_of": "{site}: {name}",
        # end of sessions
        # field reference page: headings and value types (field descriptions in English come from the schema)
        "schema.heading.module": "Module front matter",
        "schema.heading.session_kit": "Session kit (`session:` in a module)",
        "schema.heading.run_sheet_step": "Run sheet step (`session: run_sheet:`)",
        "schema.heading.track": "Track (`track.yml`)",
        "schema.heading.mentor": "Mentor (`mentors.yml`)",
        "schema.heading.example": "Example module",
        "schema.heading.session": "Session (`sessions.yml`)",
        "schema.heading.sessions_example": "Example sessions.yml",
        "schema.heading.placeholders": "Feedback link placeholders (`feedback:` and the feedback plugin's `channel`)",
        "schema.placeholders": "Written in braces in a link template; each value is percent-encoded whole.",
        "schema.placeholder": "Placeholder",
        "schema.placeholder.module": "The module's id, e.g. ai/chatbots.",
        "schema.placeholder.title": "The module's title.",
        "schema.placeholder.track": "The title of the module's track.",
        "schema.placeholder.mentor": "The names of the module's mentors, separated by commas.",
        "schema.placeholder.rating": "The rating: 1 (not useful), 2 (partly), 3 (very useful); empty for a comment.",
        "schema.placeholder.score": "The self-check score (3/4) once every quiz of the page is checked; empty before.",
        "schema.placeholder.url": "The address of the module page.",
        "schema.placeholder.session": "The id of the session the learner came from (?session=ID); empty when unknown.",
        "schema.placeholder.lang": "The language of the page (the build's theme.language), e.g. en.",
        "schema.placeholder.build": "The git commit the site was built from; empty outside git.",
        "schema.heading.records": "Feedback records (`feedback/*.jsonl`)",
        "schema.records": (
            "Written by 'smartshare feedback import' under the curriculum's feedback/ folder, one JSON "
            "object per line, never published: the mentor area's figures come from them. Empty fields are "
            "left out."
        ),
        "schema.record.key": "Identifies the response in its source: importing the same export twice adds nothing.",
        "schema.record.source": "Where it came from: gforms, msforms, limesurvey, csv or xapi.",
        "schema.record.kind": "rating, answer (to a quiz question), completion (of a self-check) or comment.",
        "schema.record.module": "The module id.",
        "schema.record.track": "The track id.",
        "schema.record.session": "The session id (sessions.yml), when known.",
        "schema.record.lang": "The language of the page or survey.",
        "schema.record.build": "The git commit the learner's page was built from, when known.",
        "schema.record.time": "When it was given, in UTC (ISO 8601).",
        "schema.record.respondent": "An anonymous key grouping one response's records, never a name or an address.",
        "schema.record.rating": "1 (not useful), 2 (partly useful) or 3 (very useful).",
        "schema.record.question": "For answers: the quiz id.",
        "schema.record.choice": "For answers: the chosen options, by their position in the quiz as written (from 0).",
        "schema.record.correct": "For answers: whether the answer was right.",
        "schema.record.first_try": "For answers: whether it was the learner's first answer to the question.",
        "schema.record.score": "The self-check score, from 0 to 1.",
        "schema.record.comment": "The learner's comment, shown to mentors only.",
        "schema.record.kept": "Columns of the export kept on purpose (--keep): header and value.",
        "schema.type.localdatetime": "local date and time (YYYY-MM-DD HH:MM)",
        "schema.type.timezone": "IANA time zone",
        "schema.type.signuptemplate": "link template (https:, http: or mailto:, with placeholders)",
        "schema.type.text": "text",
        "schema.type.slug": "id",
        "schema.type.reference": "module reference",
        "schema.type.choice": "one of {choices}",
        "schema.type.integer": "whole number",
        "schema.type.duration": "duration",
        "schema.type.date": "date (YYYY-MM-DD)",
        "schema.type.contact": "e-mail address or link",
        "schema.type.url": "link (https:, http: or mailto:)",
        "schema.type.linktemplate": "link template (https:, http: or mailto:, with placeholders)",
        "schema.type.listof": "list of {item}",
        "schema.type.record": "mapping with {fields}",
    },
    "fr": {
        "curriculum.catalogue": "Catalogue",
        "curriculum.catalogue_intro": (
            "Tous les parcours du programme, dans l’ordre où nous vous conseillons de les suivre."
        ),
        "curriculum.tracks": "Parcours",
        "curriculum.about": "À propos du programme",
        "curriculum.all_modules": "Tous les modules",
        "filters.label": "Filtrer les modules",
        "filters.level": "Niveau",
        "filters.any_level": "Tous niveaux",
        "filters.duration": "Durée",
        "filters.any_duration": "Toutes durées",
        "filters.duration.up-to-30": "30 min ou moins",
        "filters.duration.30-60": "De 30 à 60 min",
        "filters.duration.over-60": "Plus d’une heure",
        "filters.audience": "Public",
        "filters.any_audience": "Tous publics",
        "filters.tag": "Mot-clé",
        "filters.any_tag": "Tous les mots-clés",
        "filters.clear": "Afficher tous les modules",
        "filters.shown_one": "1 module affiché",
        "filters.shown": "{count} modules affichés",
        "filters.none": "Aucun module ne correspond à ces filtres.",
        "curriculum.modules": "Modules",
        "curriculum.track": "Parcours",
        "curriculum.modules_count": "{count} modules",
        "curriculum.module_count_one": "1 module",
        "curriculum.total_duration": "Durée totale",
        "curriculum.duration": "Durée",
        "curriculum.level": "Niveau",
        "curriculum.levels": "Niveaux",
        "curriculum.level.beginner": "Débutant",
        "curriculum.level.intermediate": "Intermédiaire",
        "curriculum.level.advanced": "Avancé",
        "curriculum.audience": "Pour",
        "curriculum.mentors": "Mentors",
        "curriculum.mentor": "Mentor",
        "curriculum.objectives": "Objectifs",
        "curriculum.track_objectives": "Ce que vous saurez faire",
        "curriculum.prerequisites": "Avant ce module",
        "curriculum.tags": "Mots-clés",
        "curriculum.tag": "Mot-clé",
        "curriculum.tags_intro": "Tous les mots-clés du programme, avec leurs modules.",
        "curriculum.tag_intro": "Modules associés à {tag}.",
        "curriculum.previous": "Précédent",
        "curriculum.next": "Suivant",
        "curriculum.module_position": "Module {position} sur {total} du parcours {track}",
        "curriculum.reviewed": "Contenu relu le {date}",
        "curriculum.not_reviewed": "Contenu pas encore relu",
        "curriculum.draft": "Brouillon",
        "curriculum.draft_notice": "Ce module est un brouillon : il ne fait pas partie du site publié.",
        "curriculum.teaches": "Modules animés",
        "curriculum.expertise": "Expertise",
        "curriculum.contact": "Contact",
        "curriculum.mentors_intro": "Les personnes qui animent le programme.",
        "curriculum.no_modules": "Pas encore de module.",
        "curriculum.minutes": "{minutes} min",
        "curriculum.hours": "{hours} h",
        "curriculum.hours_minutes": "{hours} h {minutes:02d}",
        "curriculum.reference": "Référence des champs",
        "curriculum.reference_intro": (
            "Tous les champs qu’un mentor peut écrire, vérifiés à chaque construction et par `smartshare check`."
        ),
        "curriculum.field": "Champ",
        "curriculum.type": "Type",
        "curriculum.required": "Obligatoire",
        "curriculum.example": "Exemple",
        "curriculum.description": "Description",
        "curriculum.yes": "oui",
        "curriculum.no": "non",
        "notfound.title": "Page introuvable",
        "notfound.text": (
            "Aucune page de ce site n'a cette adresse : la page a peut-être été déplacée, ou le lien est mal écrit."
        ),
        "notfound.search": "Rechercher sur le site",
        "notfound.search_button": "Rechercher",
        "notfound.catalogue": "Parcourir le catalogue",
        "notfound.learning": "Voir mon apprentissage",
        # curriculum: language sites (one site per language, see core/translations.py)
        "i18n.not_translated": "Pas encore traduit en {language} — affiché en {source}.",
        "i18n.stale": (
            "La version en {source} a été mise à jour le {date} ; cette traduction n'est peut-être plus à jour."
        ),
        "i18n.read_source": "Lire la version en {source}",
        "i18n.reference_heading": "Traductions",
        "i18n.reference": (
            "Un module `chatbots.md` est traduit par `chatbots.fr.md`, `chatbots.zh.md` … à côté de lui (un fichier "
            "par langue de `languages` de smartshare/curriculum). L'en-tête d'une traduction ne contient que "
            "{fields} et `translated_from:`, le commit git de la source traduite ; tous les autres champs viennent "
            "de la source, et en répéter un avec une autre valeur est un avertissement. Son texte, ses quiz (avec "
            "les identifiants de la source) et ses notes de mentor lui sont propres. `index.fr.md` traduit "
            "`index.md` ; `track.fr.yml` contient le titre, le résumé, les objectifs et le public traduits d'un "
            "parcours ; `mentors.fr.yml` associe aux identifiants des mentors leurs champs traduits "
            "({mentor_fields}). `smartshare check` signale une source modifiée depuis `translated_from` (la date et "
            "les lignes) et les modules pas encore traduits."
        ),
        "language.en": "anglais",
        "language.fr": "français",
        "language.zh": "chinois",
        "language.ja": "japonais",
        # feedback: feedback block of module pages and the mentor view (smartshare/feedback)
        "feedback.question": "Ce module vous a-t-il été utile ?",
        "feedback.rating_1": "Pas utile",
        "feedback.rating_2": "Un peu utile",
        "feedback.rating_3": "Très utile",
        "feedback.tell_more": "En dire plus au mentor",
        "feedback.ask_mentor": "Poser une question à {name}",
        "feedback.suggest_change": "Proposer une modification",
        "feedback.score_prompt": (
            "Vous avez obtenu {score} à l’auto-évaluation. Un clic suffit pour dire à votre mentor comment cela "
            "s’est passé :"
        ),
        "feedback.thanks": (
            "Merci — votre note « {label} » est enregistrée sur cet appareil. Envoyez le formulaire qui s’est ouvert "
            "pour qu’elle parvienne à votre mentor."
        ),
        "feedback.thanks_mailto": (
            "Merci — votre note « {label} » est enregistrée sur cet appareil. Envoyez l’e-mail qui s’est ouvert "
            "pour qu’elle parvienne à votre mentor."
        ),
        "feedback.rated_before": "Vous avez noté ce module « {label} » sur cet appareil.",
        "feedback.mentor_note": "Note pour le mentor",
        "feedback.figures.landed": "Comment le module a été reçu",
        "feedback.figures.none": (
            "Aucun retour enregistré pour ce module : importez un export d’enquête avec « smartshare feedback import »."
        ),
        "feedback.figures.not_enough": "Pas encore assez de réponses ({count} sur {needed}).",
        "feedback.figures.summary": (
            "{count} réponses, note moyenne {mean} sur l’échelle de 1 (pas utile) à 3 (très utile)."
        ),
        "feedback.figures.decimal": ",",
        "feedback.figures.pair": "{label} : {value}",
        "feedback.figures.separator": " ; ",
        "feedback.figures.ratings_of": "Notes de {title}",
        "feedback.figures.ratings_desc": "{parts}. Moyenne {mean} sur {count} réponses.",
        "feedback.figures.trend": "Évolution par séance",
        "feedback.figures.trend_of": "Note moyenne par séance : {title}",
        "feedback.figures.trend_desc": (
            "Note moyenne (de 1 à 3) par séance, par date, avec le nombre de réponses : {parts}."
        ),
        "feedback.figures.no_session": "séance non précisée",
        "feedback.figures.rating": "Note",
        "feedback.figures.responses": "Réponses",
        "feedback.figures.share": "Part",
        "feedback.figures.session": "Séance",
        "feedback.figures.date": "Date",
        "feedback.figures.mean": "Moyenne",
        "feedback.figures.comments": "Derniers commentaires ({shown} sur {count})",
        "feedback.figures.comments_note": (
            "Les mots des apprenants : pour les mentors seulement, jamais repris dans les pages du cours."
        ),
        "feedback.figures.questions": "Questions",
        "feedback.figures.question": "Question",
        "feedback.figures.first_answers": "Premières réponses",
        "feedback.figures.right": "Justes du premier coup",
        "feedback.figures.wrong_option": "Mauvaise option la plus choisie",
        "feedback.figures.too_hard": "trop difficile",
        "feedback.figures.too_easy": "trop facile",
        "feedback.figures.flags_intro": (
            "Les questions réussies du premier coup par moins de {hard} sont signalées trop difficiles, par "
            "plus de {easy} trop faciles."
        ),
        "feedback.figures.track_summary": "Retours sur {name}",
        "feedback.figures.mentor_summary": "{name}",
        "feedback.figures.group_line": (
            "{count} réponses sur {modules} modules ({enough} avec assez de réponses pour des chiffres) ; "
            "{answers} premières réponses aux questions."
        ),
        "feedback.figures.attention": "À revoir",
        "feedback.figures.attention_none": "Rien à revoir.",
        "feedback.figures.reason.low-rating": "notes basses (moyenne {mean})",
        "feedback.figures.reason.hard-questions": "questions trop difficiles : {questions}",
        "feedback.figures.reason.stale-review": "relecture à faire",
        "feedback.figures.programme": "Retours sur le programme",
        "feedback.figures.programme_ratings": "Notes de tous les modules",
        "feedback.figures.programme_intro": "D’après {records} retours enregistrés (curricula/feedback/).",
        # end of feedback
        # mentor : l’espace mentor (smartshare/mentor)
        "mentor.area": "Espace mentor",
        "mentor.intro": (
            "Notes, kits de séance, corrigés et dates de relecture pour les personnes qui animent les modules. Cette "
            "partie du site est réservée aux mentors : gardez son adresse pour vous."
        ),
        "mentor.optin_help": (
            "Activez « Vue mentor » en haut de n’importe quelle page. Mémorisé par ce navigateur seulement : les pages "
            "du cours affichent alors un lien vers leur page mentor, le dépôt et les liens de modification."
        ),
        "mentor.toggle": "Vue mentor",
        "mentor.toggle_on": "activée",
        "mentor.toggle_off": "désactivée",
        "mentor.link_module": "Fiche mentor de ce module",
        "mentor.link_track": "Page mentor de ce parcours",
        "mentor.link_home": "Espace mentor",
        "mentor.sheet": "Fiche mentor : {title}",
        "mentor.track_page": "Mentors : {title}",
        "mentor.course_page": "Page du cours",
        "mentor.open": "ouvrir",
        "mentor.print": "Imprimer la fiche mentor",
        "mentor.session_kit": "Kit de séance",
        "mentor.notes_count": "Notes pour le mentor dans ce module : {count}, affichées là où elles s’appliquent.",
        "mentor.no_notes": "Pas de note pour le mentor dans ce module.",
        "mentor.reviewed_on": "Contenu relu le {date}.",
        "mentor.never_reviewed": "jamais relu",
        "mentor.no_session": "Pas encore de kit de séance pour ce module (ajoutez « session: » à son en-tête).",
        "mentor.discovery": "Avant la séance : questions à poser",
        "mentor.run_sheet": "Déroulé",
        "mentor.step": "Étape",
        "mentor.minutes": "Minutes",
        "mentor.total": "Total",
        "mentor.duration_mismatch": "la durée est de {duration}",
        "mentor.debrief": "Après la séance : bilan",
        "mentor.reviews": "Dates de relecture",
        "mentor.reviews_intro": "Les modules relus il y a plus de {days} jours, ou jamais, sont mis en évidence.",
        "mentor.module": "Module",
        "mentor.reviewed": "Relu le",
        "mentor.age": "Ancienneté",
        "mentor.never": "jamais",
        "mentor.days": "{days} jours",
        "mentor.review_due": "à relire",
        "mentor.stats": "Statistiques du programme",
        "mentor.stats_intro": (
            "Modules publiés par parcours (les relectures de plus de {days} jours sont anciennes au {date}) ; les "
            "mêmes chiffres que « smartshare stats »."
        ),
        "mentor.drafts": "Brouillons",
        "mentor.hours": "Heures",
        "mentor.questions_per_module": "Questions par module",
        "mentor.without_quiz": "Sans quiz",
        "mentor.never_reviewed_count": "Jamais relus",
        "mentor.stale_count": "Relecture ancienne",
        "mentor.load": "Charge des mentors",
        "mentor.attention": "À surveiller",
        "mentor.no_quiz": "pas de quiz ;",
        "mentor.reviewed_days_ago": "relu il y a {days} jours",
        "mentor.all_good": "Chaque module a un quiz et une relecture récente.",
        "mentor.by_mentor": "Par mentor",
        # fin de mentor
        # intranet: publishing (git dates on module pages)
        "intranet.last_changed": "Dernière modification le {date}",
        # rich: glossary page and image links (smartshare/rich)
        "rich.glossary": "Glossaire",
        "rich.glossary_intro": (
            "Le jargon employé dans les modules. Dans un module, survolez un terme ou atteignez-le au clavier "
            "pour voir sa signification."
        ),
        "rich.full_size_image": "Ouvrir l’image en taille réelle",
        # quiz: self-check questions, their summary and the track page progress (smartshare/quiz)
        "quiz.question": "Question {number}",
        "quiz.select_all": "Plusieurs réponses possibles.",
        "quiz.your_answer": "Votre réponse",
        "quiz.hint": "Indice",
        "quiz.check": "Vérifier",
        "quiz.try_again": "Réessayer",
        "quiz.reveal": "Afficher la réponse",
        "quiz.your_choice": "Votre choix :",
        "quiz.show_answer": "Voir la réponse",
        "quiz.correct_option": "Correct :",
        "quiz.incorrect_option": "Incorrect :",
        "quiz.accepted_answers": "Réponses acceptées :",
        "quiz.right": "Bonne réponse !",
        "quiz.wrong": "Pas tout à fait.",
        "quiz.choose_first": "Choisissez d’abord une réponse.",
        "quiz.type_first": "Saisissez d’abord une réponse.",
        "quiz.score": "Auto-évaluation : {correct} sur {total} correctes",
        "quiz.progress": "Auto-évaluation : {done} sur {total} répondues, {correct} correctes",
        "quiz.to_retry": "{missed} à refaire",
        "quiz.retry_missed": "Refaire celles que j’ai manquées",
        "quiz.reset": "Effacer mes réponses",
        "progress.done": "Terminé",
        "progress.mark_done": "Marquer comme terminé",
        "progress.marked_done": "Vous avez marqué ce module comme terminé.",
        "progress.undo_done": "Marquer comme non terminé",
        "progress.continue": "Continuer : {title}",
        "progress.start": "Commencer : {title}",
        "progress.progress": "{done} modules sur {total}",
        "progress.storage_off": (
            "Ce navigateur ne permet pas au site de garder votre progression (navigation privée ou stockage "
            "désactivé) : ce que vous faites ici n’est pas enregistré."
        ),
        "progress.storage_full": (
            "L’espace de stockage de votre navigateur pour ce site est plein : votre dernière progression n’a pas pu "
            "être enregistrée."
        ),
        "progress.corrupted": (
            "La progression enregistrée dans ce navigateur est illisible ; elle a été mise de côté et votre "
            "progression repart de zéro."
        ),
        "progress.migrated": (
            "Votre progression avait été enregistrée par une version antérieure du site ; elle a été mise à jour."
        ),
        "progress.newer": (
            "Votre progression a été enregistrée par une version plus récente du site ; elle est affichée mais pas "
            "modifiée ici."
        ),
        "progress.import_done": "Progression importée : {count} modules.",
        "progress.import_malformed": (
            "Ce fichier n’est pas un fichier de progression de ce site : rien n’a été modifié."
        ),
        "progress.import_other_site": "Ce fichier de progression appartient à un autre site : rien n’a été modifié.",
        "progress.import_newer": (
            "Ce fichier de progression vient d’une version plus récente du site : rien n’a été modifié."
        ),
        "progress.reset_confirm": "Effacer toute votre progression sur ce site dans ce navigateur ?",
        "progress.reset_done": "Votre progression a été effacée.",
        "progress.score": "Auto-évaluation : {correct} sur {total}",
        "progress.by_hand": "marqué comme terminé",
        "progress.nothing_yet": "Rien pour l’instant : ouvrez un module pour commencer.",
        "learning.title": "Mon apprentissage",
        "learning.intro": (
            "Votre progression reste dans ce navigateur : rien n’est envoyé nulle part. Exportez-la pour la "
            "retrouver dans un autre navigateur."
        ),
        "learning.in_progress": "Parcours en cours",
        "learning.done": "Modules terminés",
        "learning.recent": "Consultés récemment",
        "learning.module": "Module",
        "learning.result": "Résultat",
        "learning.date": "Terminé le",
        "learning.save": "Sauvegarder et restaurer",
        "learning.export": "Exporter ma progression",
        "learning.import": "Importer un fichier de progression",
        "learning.reset": "Effacer ma progression",
        "learning.needs_js": "Cette page a besoin de JavaScript : votre progression est gardée par votre navigateur.",
        # end of quiz
        # handouts: PDF handouts and mentor sheets (smartshare/handouts)
        "handouts.download": "Support (PDF)",
        "handouts.download_track": "Support du parcours (PDF)",
        "handouts.qr_page": "Ce module en ligne",
        "handouts.qr_feedback": "Dites au mentor comment cela s’est passé",
        "handouts.mentor_notes": "Notes du mentor",
        "handouts.answer_key": "Corrigé",
        "handouts.true": "Vrai",
        "handouts.false": "Faux",
        # certificate of completion on track pages (smartshare/quiz)
        "certificate.heading": "Attestation de réussite",
        "certificate.intro": (
            "Vous avez terminé tous les modules de ce parcours. Saisissez votre nom et imprimez votre attestation : "
            "votre nom reste dans ce navigateur, rien n’est envoyé."
        ),
        "certificate.pending": (
            "Terminez l’auto-évaluation de chaque module de ce parcours pour imprimer une attestation de "
            "réussite ({done} sur {total} terminés)."
        ),
        "certificate.name": "Votre nom",
        "certificate.print": "Imprimer l’attestation",
        "certificate.awarded": "Nous attestons que",
        "certificate.completed": "a suivi tous les modules du parcours",
        "certificate.date": "le {date}",
        # end of handouts and certificate
        # sessions : agenda, prochaines séances des modules et parcours, planning des mentors, fichiers d’agenda
        "sessions.upcoming": "Prochaines séances",
        "sessions.intro": (
            "Les séances en direct du programme. Les heures sont celles du lieu ; la vôtre est indiquée quand elle "
            "diffère."
        ),
        "sessions.past": "Séances passées",
        "sessions.next": "Prochaines séances",
        "sessions.schedule": "Planning",
        "sessions.none": "Aucune séance à venir.",
        "sessions.none_past": "Aucune séance passée pour l’instant.",
        "sessions.online": "En ligne",
        "sessions.join_online": "Réunion en ligne",
        "sessions.seats": "{count} places",
        "sessions.seats_label": "Places",
        "sessions.status": "Statut",
        "sessions.months": "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
        "sessions.status.planned": "Prévue",
        "sessions.status.full": "Complet",
        "sessions.status.cancelled": "Annulée",
        "sessions.status.done": "Terminée",
        "sessions.replaced_by": "Remplacée par {session}",
        "sessions.signup": "S’inscrire",
        "sessions.add_to_calendar": "Ajouter à mon agenda",
        "sessions.subscribe": "S’abonner à ces séances dans votre agenda",
        "sessions.subscribe_all": "S’abonner à tout le programme dans votre agenda",
        "sessions.your_time": "Chez vous : {time}",
        "sessions.part": "Séance {part} sur {parts}",
        "sessions.filters": "Filtrer les séances",
        "sessions.filter.track": "Parcours",
        "sessions.filter.mentor": "Mentor",
        "sessions.filter.place": "Lieu",
        "sessions.filter.language": "Langue",
        "sessions.filter.all": "Tous",
        "sessions.shown": "{count} séances affichées",
        "sessions.all": "Toutes les prochaines séances",
        "sessions.all_of_mentor": "Plus de séances de {name} dans l’agenda",
        "sessions.by_month": "Séances par mois",
        "sessions.language": "Langue",
        "sessions.mentor_past": "Séances passées de ce module",
        "sessions.feedback": "Retours de cette séance",
        "sessions.date": "Date",
        "sessions.session": "Séance",
        "sessions.calendar": "{site} : séances",
        "sessions.calendar_of": "{site} : {name}",
        # fin des séances
        # page de référence des champs : titres, types de valeurs et description de chaque champ
        "schema.heading.module": "En-tête d’un module",
        "schema.heading.session_kit": "Kit de séance (`session:` dans un module)",
        "schema.heading.run_sheet_step": "Étape du déroulé (`session: run_sheet:`)",
        "schema.heading.track": "Parcours (`track.yml`)",
        "schema.heading.mentor": "Mentor (`mentors.yml`)",
        "schema.heading.example": "Exemple de module",
        "schema.heading.session": "Séance (`sessions.yml`)",
        "schema.heading.sessions_example": "Exemple de sessions.yml",
        "schema.heading.placeholders": "Variables des liens de retour (`feedback:` et le `channel` du plugin feedback)",
        "schema.placeholders": "Écrites entre accolades dans un modèle de lien ; chaque valeur est encodée en entier.",
        "schema.placeholder": "Variable",
        "schema.placeholder.module": "L’identifiant du module, par ex. ai/chatbots.",
        "schema.placeholder.title": "Le titre du module.",
        "schema.placeholder.track": "Le titre du parcours du module.",
        "schema.placeholder.mentor": "Les noms des mentors du module, séparés par des virgules.",
        "schema.placeholder.rating": "La note : 1 (pas utile), 2 (un peu), 3 (très utile) ; vide pour un commentaire.",
        "schema.placeholder.score": "Le score de l’auto-évaluation (3/4) une fois tous les quiz vérifiés ; vide avant.",
        "schema.placeholder.url": "L’adresse de la page du module.",
        "schema.placeholder.session": "L’identifiant de la séance d’où vient l’apprenant (?session=ID) ; vide sinon.",
        "schema.placeholder.lang": "La langue de la page (le theme.language de la construction), par ex. fr.",
        "schema.placeholder.build": "Le commit git d’où le site est construit ; vide hors de git.",
        "schema.heading.records": "Retours enregistrés (`feedback/*.jsonl`)",
        "schema.records": (
            "Écrits par « smartshare feedback import » dans le dossier feedback/ du programme, un objet JSON "
            "par ligne, jamais publiés : les chiffres de l’espace mentor en viennent. Les champs vides sont "
            "omis."
        ),
        "schema.record.key": "Identifie la réponse dans sa source : importer deux fois le même export n’ajoute rien.",
        "schema.record.source": "Sa provenance : gforms, msforms, limesurvey, csv ou xapi.",
        "schema.record.kind": (
            "rating (note), answer (réponse à un quiz), completion (auto-évaluation terminée) ou comment."
        ),
        "schema.record.module": "L’identifiant du module.",
        "schema.record.track": "L’identifiant du parcours.",
        "schema.record.session": "L’identifiant de la séance (sessions.yml), s’il est connu.",
        "schema.record.lang": "La langue de la page ou de l’enquête.",
        "schema.record.build": "Le commit git d’où la page de l’apprenant a été construite, s’il est connu.",
        "schema.record.time": "Quand elle a été donnée, en UTC (ISO 8601).",
        "schema.record.respondent": (
            "Une clé anonyme qui regroupe les lignes d’une même réponse, jamais un nom ni une adresse."
        ),
        "schema.record.rating": "1 (pas utile), 2 (un peu utile) ou 3 (très utile).",
        "schema.record.question": "Pour les réponses : l’identifiant du quiz.",
        "schema.record.choice": (
            "Pour les réponses : les options choisies, par leur position dans le quiz tel qu’écrit (à partir de 0)."
        ),
        "schema.record.correct": "Pour les réponses : si la réponse était juste.",
        "schema.record.first_try": "Pour les réponses : si c’était la première réponse de l’apprenant à la question.",
        "schema.record.score": "Le score de l’auto-évaluation, de 0 à 1.",
        "schema.record.comment": "Le commentaire de l’apprenant, montré aux mentors seulement.",
        "schema.record.kept": "Colonnes de l’export gardées exprès (--keep) : en-tête et valeur.",
        "schema.type.localdatetime": "date et heure locales (AAAA-MM-JJ HH:MM)",
        "schema.type.timezone": "fuseau horaire IANA",
        "schema.type.signuptemplate": "modèle de lien (https:, http: ou mailto:, avec des champs à remplir)",
        "schema.session": (
            "Un élément de la liste de `sessions.yml`, à la racine du dossier du programme : une séance en direct."
        ),
        "schema.session.id": (
            "Un identifiant stable, jamais réutilisé : les agendas et les liens de retour connaissent la séance par "
            "lui."
        ),
        "schema.session.modules": "Le ou les modules que couvre la séance : `parcours/module`.",
        "schema.session.track": (
            "Un parcours entier au lieu de modules : avec `series`, une séance par module du parcours, dans l’ordre."
        ),
        "schema.session.start": "Date et heure locales du début (AAAA-MM-JJ HH:MM), dans son fuseau `timezone`.",
        "schema.session.series": (
            "Avec `track` : le début de la séance de chaque module, dans l’ordre du parcours (au lieu de `start`)."
        ),
        "schema.session.timezone": "Fuseau horaire IANA du lieu, par exemple Europe/Paris.",
        "schema.session.duration": "Durée de la séance (par défaut : celle des modules).",
        "schema.session.place": "Salle et site, quand elle a lieu sur place.",
        "schema.session.online": "Lien de la réunion en ligne, quand elle a lieu en visio.",
        "schema.session.mentors": "Identifiants des mentors qui l’animent (par défaut : ceux des modules).",
        "schema.session.language": "Langue parlée pendant la séance, par exemple en ou fr.",
        "schema.session.capacity": "Nombre de places.",
        "schema.session.signup": (
            "Lien d’inscription ; champs à remplir comme dans les liens de retour, par exemple {session} et {title}."
        ),
        "schema.session.status": "planned (prévue), full (complète), cancelled (annulée) ou done (elle a eu lieu).",
        "schema.session.replaced_by": (
            "Pour une séance annulée : l’identifiant de la séance qui la remplace, ou `none`."
        ),
        "schema.session.notes": "Notes libres affichées avec la séance.",
        "schema.type.text": "texte",
        "schema.type.slug": "identifiant",
        "schema.type.reference": "référence à un module",
        "schema.type.choice": "l’un de {choices}",
        "schema.type.integer": "nombre entier",
        "schema.type.duration": "durée",
        "schema.type.date": "date (AAAA-MM-JJ)",
        "schema.type.contact": "adresse e-mail ou lien",
        "schema.type.url": "lien (https:, http: ou mailto:)",
        "schema.type.linktemplate": "modèle de lien (https:, http: ou mailto:, avec des champs à remplir)",
        "schema.type.listof": "liste de {item}",
        "schema.type.record": "table avec {fields}",
        "schema.module": (
            "Un fichier Markdown dans le dossier d’un parcours, qui commence par ces champs entre deux lignes `---`."
        ),
        "schema.module.title": "Le nom du module, tel qu’il apparaît dans la navigation et sur les cartes.",
        "schema.module.summary": (
            "Une phrase qui dit ce que l’apprenant y gagne ; affichée sur les cartes et trouvée par la recherche."
        ),
        "schema.module.mentors": "Identifiants des mentors qui l’animent, tirés de mentors.yml.",
        "schema.module.audience": "À qui il s’adresse.",
        "schema.module.level": "Ce que l’apprenant doit déjà savoir.",
        "schema.module.duration": 'Durée d’une séance, en minutes (90) ou sous la forme "1h30" ou "45min".',
        "schema.module.objectives": "Ce que l’apprenant saura faire ensuite : un objectif par ligne.",
        "schema.module.prerequisites": (
            "Modules à suivre avant : `parcours/module`, ou `module` pour un module du même parcours."
        ),
        "schema.module.tags": "Mots-clés ; chacun a une page qui liste ses modules.",
        "schema.module.reviewed": "Date de la dernière relecture du contenu (AAAA-MM-JJ).",
        "schema.module.status": "Les modules `draft` (brouillons) sont exclus du site publié.",
        "schema.module.lang": "Langue du module quand elle diffère de celle du site (par exemple en).",
        "schema.module.feedback": (
            "Modèle de lien de retour pour ce module, à la place de celui du parcours et du site."
        ),
        "schema.module.session": "Ce dont un mentor a besoin pour préparer, animer et débriefer une séance du module.",
        "schema.session_kit": "Ce dont un mentor a besoin pour préparer, animer et débriefer une séance du module.",
        "schema.session_kit.discovery": (
            "Questions à poser aux apprenants et à leurs managers avant de construire la séance : leurs problèmes, "
            "leurs attentes et leur niveau."
        ),
        "schema.session_kit.run_sheet": (
            "Le déroulé d’une séance, étape par étape ; les minutes doivent faire la durée du module."
        ),
        "schema.session_kit.debrief": "Une liste de points à revoir par le mentor après la séance.",
        "schema.run_sheet_step": "",
        "schema.run_sheet_step.step": "Ce qui se passe pendant cette partie de la séance.",
        "schema.run_sheet_step.minutes": "Sa durée, en minutes.",
        "schema.track": "Un fichier `track.yml` dans le dossier de chaque parcours.",
        "schema.track.title": "Le nom du parcours.",
        "schema.track.summary": "Une phrase qui dit de quoi parle le parcours.",
        "schema.track.audience": "À qui il s’adresse.",
        "schema.track.objectives": "Ce que l’apprenant saura faire à la fin du parcours.",
        "schema.track.modules": (
            "Les modules du parcours, dans l’ordre d’apprentissage : noms des fichiers du dossier, sans `.md`."
        ),
        "schema.track.order": "Place du parcours dans le catalogue (les plus petits d’abord).",
        "schema.track.feedback": "Modèle de lien de retour pour les modules du parcours, à la place de celui du site.",
        "schema.mentor": "Une entrée de `mentors.yml`, sous l’identifiant du mentor.",
        "schema.mentor.name": "Nom complet.",
        "schema.mentor.role": "Ce qu’il ou elle fait, par exemple consultante indépendante ou expert interne.",
        "schema.mentor.bio": "Quelques phrases de présentation.",
        "schema.mentor.expertise": "Les sujets qu’il ou elle enseigne.",
        "schema.mentor.contact": "Adresse e-mail ou lien où les apprenants le ou la joignent.",
    },
}


def _schema_descriptions() -> dict[str, str]:
    """English field descriptions, written once in the schema; other languages translate them above."""
    from .schema import SCHEMAS

    strings = {}
    for schema in SCHEMAS:
        strings[f"schema.{schema.key}"] = schema.description
        strings.update({f"schema.{schema.key}.{field.name}": field.description for field in schema.fields})
    return strings


TRANSLATIONS["en"].update(_schema_descriptions())


def resolve_language(language: str | None) -> str:
    """`fr`, `fr-CA` and `fr_FR` all pick French; anything unknown falls back to English."""
    base = (language or DEFAULT_LANGUAGE).replace("_", "-").split("-")[0].lower()
    return base if base in TRANSLATIONS else DEFAULT_LANGUAGE


class Translator:
    """Looks up a key in the site's language, falling back to English, and fills in placeholders."""

    def __init__(self, language: str | None) -> None:
        self.language = resolve_language(language)
        self._table = TRANSLATIONS[self.language]

    def template(self, key: str) -> str:
        return self._table.get(key) or TRANSLATIONS[DEFAULT_LANGUAGE][key]

    def __call__(self, key: str, **values: object) -> str:
        text = self.template(key)
        return text.format(**values) if values else text


def format_minutes(minutes: int | None, t: Translator) -> str:
    """90 → "1 h 30", 45 → "45 min", 120 → "2 h"."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("curriculum.minutes", minutes=rest)
    if not rest:
        return t("curriculum.hours", hours=hours)
    return t("curriculum.hours_minutes", hours=hours, minutes=rest)
