"""The one translation table of every UI string the plugins emit, chosen by `theme.language`.

Keys are grouped by the plugin that uses them. Every language has every key (a test checks it); a missing
language falls back to English. Placeholders use `str.format` names.
"""

from __future__ import annotations

import datetime as dt

DEFAULT_LANGUAGE = "en"

TRANSLATIONS: dict[str, dict[str, str]] = {
    "en": {
        # every part: a label and its value, a label before what follows it (French: a no-break space before
        # the colon; Chinese and Japanese: the full-width colon)
        "pair": "{label}: {value}",
        "label": "{label}:",
        # curriculum: catalogue, track, module, mentor and tag pages
        "curriculum.catalogue": "Catalogue",
        "curriculum.catalogue_intro": "Every track of the curriculum, in the order we suggest taking them.",
        "curriculum.tracks": "Tracks",
        "curriculum.all_tracks": "All {count} tracks",
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
        "curriculum.date": "{year}-{month:02d}-{day:02d}",
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
        "feedback.figures.percent": "{value}%",
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
            "Responses: {count} · modules: {modules}, {enough} of them with enough responses for figures · "
            "first answers to questions: {answers}."
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
        "sessions.month_heading": "{month} {year}",
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
        # every part: a label and its value, a label before what follows it (French: a no-break space before
        # the colon; Chinese and Japanese: the full-width colon)
        "pair": "{label}\u00a0: {value}",
        "label": "{label}\u00a0:",
        "curriculum.catalogue": "Catalogue",
        "curriculum.catalogue_intro": (
            "Tous les parcours du programme, dans l’ordre où nous vous conseillons de les suivre."
        ),
        "curriculum.tracks": "Parcours",
        "curriculum.all_tracks": "Les {count} parcours",
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
        "curriculum.date": "{year}-{month:02d}-{day:02d}",
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
        "feedback.figures.percent": "{value}\u00a0%",
        "feedback.figures.separator": "\u00a0; ",
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
            "Réponses\u00a0: {count} · modules\u00a0: {modules}, dont {enough} avec assez de réponses pour des "
            "chiffres · premières réponses aux questions\u00a0: {answers}."
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
        "sessions.month_heading": "{month} {year}",
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
    "zh": {
        # Simplified Chinese: full-width punctuation, a space between a number and its unit ("45 分钟")
        # every part: a label and its value, a label before what follows it (French: a no-break space before
        # the colon; Chinese and Japanese: the full-width colon)
        "pair": "{label}：{value}",
        "label": "{label}：",
        "curriculum.catalogue": "课程目录",
        "curriculum.catalogue_intro": "本项目的全部学习路径，按我们建议的学习顺序排列。",
        "curriculum.tracks": "学习路径",
        "curriculum.all_tracks": "全部 {count} 条学习路径",
        "curriculum.modules": "模块",
        "curriculum.track": "学习路径",
        "curriculum.modules_count": "{count} 个模块",
        "curriculum.module_count_one": "1 个模块",
        "curriculum.total_duration": "总时长",
        "curriculum.duration": "时长",
        "curriculum.level": "难度",
        "curriculum.levels": "难度",
        "curriculum.level.beginner": "入门",
        "curriculum.level.intermediate": "中级",
        "curriculum.level.advanced": "高级",
        "curriculum.audience": "适合对象",
        "curriculum.mentors": "导师",
        "curriculum.mentor": "导师",
        "curriculum.objectives": "学习目标",
        "curriculum.track_objectives": "学完后你将能够",
        "curriculum.prerequisites": "学习本模块之前",
        "curriculum.tags": "标签",
        "curriculum.tag": "标签",
        "curriculum.tags_intro": "本项目使用的全部关键词及其模块。",
        "curriculum.tag_intro": "标记为 {tag} 的模块。",
        "curriculum.previous": "上一个",
        "curriculum.next": "下一个",
        "curriculum.module_position": "{track} 的第 {position} 个模块（共 {total} 个）",
        "curriculum.reviewed": "内容最近审阅于 {date}",
        "curriculum.not_reviewed": "内容尚未审阅",
        "curriculum.draft": "草稿",
        "curriculum.draft_notice": "本模块是草稿：不属于已发布的网站。",
        "curriculum.teaches": "讲授的模块",
        "curriculum.expertise": "专长",
        "curriculum.contact": "联系方式",
        "curriculum.mentors_intro": "讲授本项目的导师。",
        "curriculum.no_modules": "暂无模块。",
        "curriculum.minutes": "{minutes} 分钟",
        "curriculum.hours": "{hours} 小时",
        "curriculum.hours_minutes": "{hours} 小时 {minutes} 分钟",
        "curriculum.date": "{year}年{month}月{day}日",
        "curriculum.reference": "字段参考",
        "curriculum.reference_intro": "导师可以填写的全部字段，每次构建和 `smartshare check` 都会检查。",
        "curriculum.field": "字段",
        "curriculum.type": "类型",
        "curriculum.required": "必填",
        "curriculum.example": "示例",
        "curriculum.description": "说明",
        "curriculum.yes": "是",
        "curriculum.no": "否",
        # feedback
        "feedback.question": "这个模块对你有多大帮助？",
        "feedback.rating_1": "没有帮助",
        "feedback.rating_2": "有一些帮助",
        "feedback.rating_3": "很有帮助",
        "feedback.tell_more": "向导师详细反馈",
        "feedback.ask_mentor": "向 {name} 提问",
        "feedback.suggest_change": "建议修改",
        "feedback.score_prompt": "你在自我检测中的得分是 {score}。点一下，就能告诉导师你的学习情况：",
        "feedback.mentor_note": "导师备注",
        # mentor
        "mentor.area": "导师专区",
        "mentor.intro": (
            "为讲授模块的导师准备的备注、课程工具包、答案和审阅日期。网站的这一部分仅供导师使用：请勿外传其地址。"
        ),
        "mentor.optin_help": "仅在此浏览器中记住：课程页面随后会显示其导师页面的链接。",
        "mentor.link_module": "本模块的导师手册",
        "mentor.link_track": "本学习路径的导师页面",
        "mentor.link_home": "导师专区",
        "mentor.sheet": "导师手册：{title}",
        "mentor.track_page": "导师：{title}",
        "mentor.course_page": "课程页面",
        "mentor.open": "打开",
        "mentor.print": "打印导师手册",
        "mentor.session_kit": "课程工具包",
        "mentor.notes_count": "本模块的导师备注：{count} 条，显示在相应的位置。",
        "mentor.no_notes": "本模块没有导师备注。",
        "mentor.reviewed_on": "内容审阅于 {date}。",
        "mentor.never_reviewed": "从未审阅",
        "mentor.no_session": "本模块还没有课程工具包（请在其前置元数据中添加 'session:'）。",
        "mentor.discovery": "课前：需要提出的问题",
        "mentor.run_sheet": "课程流程",
        "mentor.step": "环节",
        "mentor.minutes": "分钟",
        "mentor.total": "合计",
        "mentor.duration_mismatch": "模块时长为 {duration}",
        "mentor.debrief": "课后：复盘",
        "mentor.reviews": "审阅日期",
        "mentor.reviews_intro": "超过 {days} 天未审阅或从未审阅的模块会突出显示。",
        "mentor.module": "模块",
        "mentor.reviewed": "审阅日期",
        "mentor.age": "距今天数",
        "mentor.never": "从未",
        "mentor.days": "{days} 天",
        "mentor.review_due": "需要审阅",
        "mentor.stats": "课程统计",
        "mentor.stats_intro": (
            "各学习路径已发布的模块（截至 {date}，超过 {days} 天的审阅视为过期）；与 'smartshare stats' 的数字相同。"
        ),
        "mentor.drafts": "草稿",
        "mentor.hours": "小时",
        "mentor.questions_per_module": "每个模块的题目数",
        "mentor.without_quiz": "无测验",
        "mentor.never_reviewed_count": "从未审阅",
        "mentor.stale_count": "审阅过期",
        "mentor.load": "导师工作量",
        "mentor.attention": "需要关注",
        "mentor.no_quiz": "无测验；",
        "mentor.reviewed_days_ago": "上次审阅于 {days} 天前",
        "mentor.all_good": "每个模块都有测验，且近期都审阅过。",
        # intranet
        "intranet.last_changed": "最后修改于 {date}",
        # rich
        "rich.glossary": "术语表",
        "rich.glossary_intro": (
            "各模块中使用的专业术语。在模块中，将鼠标指向某个术语或用 Tab 键移到它上面，即可查看其含义。"
        ),
        "rich.full_size_image": "打开原尺寸图片",
        # quiz
        "quiz.question": "第 {number} 题",
        "quiz.select_all": "可多选。",
        "quiz.your_answer": "你的答案",
        "quiz.hint": "提示",
        "quiz.check": "检查",
        "quiz.try_again": "再试一次",
        "quiz.reveal": "显示答案",
        "quiz.your_choice": "你的选择：",
        "quiz.show_answer": "查看答案",
        "quiz.correct_option": "正确：",
        "quiz.incorrect_option": "错误：",
        "quiz.accepted_answers": "可接受的答案：",
        "quiz.right": "回答正确！",
        "quiz.wrong": "不太对。",
        "quiz.choose_first": "请先选择一个答案。",
        "quiz.type_first": "请先输入答案。",
        "quiz.score": "自我检测：{total} 题中答对 {correct} 题",
        "quiz.progress": "自我检测：{total} 题中已答 {done} 题，答对 {correct} 题",
        "quiz.to_retry": "{missed} 题待重做",
        "quiz.retry_missed": "重做答错的题",
        "quiz.reset": "清除我的答案",
        "progress.done": "已完成",
        "progress.mark_done": "标记为已完成",
        "progress.marked_done": "你已将本模块标记为已完成。",
        "progress.undo_done": "标记为未完成",
        "progress.continue": "继续：{title}",
        "progress.start": "开始：{title}",
        "progress.progress": "{total} 个模块中已完成 {done} 个",
        "progress.storage_off": (
            "此浏览器不允许网站保存你的学习进度（无痕浏览或已关闭存储）：你在这里的操作不会被保存。"
        ),
        "progress.storage_full": "你的浏览器为本网站提供的存储空间已满：最新的学习进度未能保存。",
        "progress.corrupted": "无法读取此浏览器中保存的学习进度；它已被搁置，你的进度将从头开始。",
        "progress.migrated": "你的学习进度由本网站的旧版本保存，现已更新。",
        "progress.newer": "你的学习进度由本网站的新版本保存；这里只显示，不做修改。",
        "progress.import_done": "已导入学习进度：{count} 个模块。",
        "progress.import_malformed": "此文件不是本网站的进度文件：未做任何更改。",
        "progress.import_other_site": "此进度文件属于另一个网站：未做任何更改。",
        "progress.import_newer": "此进度文件来自本网站的新版本：未做任何更改。",
        "progress.reset_confirm": "要清除你在此浏览器中保存的本网站全部学习进度吗？",
        "progress.reset_done": "你的学习进度已清除。",
        "progress.score": "自我检测：{correct}/{total}",
        "progress.by_hand": "已手动标记为完成",
        "progress.nothing_yet": "还没有记录：打开一个模块开始学习吧。",
        "learning.title": "我的学习",
        "learning.intro": "你的学习进度只保存在此浏览器中，不会发送到任何地方。导出后即可带到另一个浏览器中使用。",
        "learning.in_progress": "进行中的学习路径",
        "learning.done": "已完成的模块",
        "learning.recent": "最近访问",
        "learning.module": "模块",
        "learning.result": "结果",
        "learning.date": "完成日期",
        "learning.save": "保存与恢复",
        "learning.export": "导出我的学习进度",
        "learning.import": "导入进度文件",
        "learning.reset": "清除我的学习进度",
        "learning.needs_js": "此页面需要 JavaScript：你的学习进度由浏览器保存。",
        # handouts and certificate
        "handouts.download": "讲义（PDF）",
        "handouts.download_track": "学习路径讲义（PDF）",
        "handouts.qr_page": "本模块在线版",
        "handouts.qr_feedback": "告诉导师学习效果如何",
        "handouts.mentor_notes": "导师备注",
        "handouts.answer_key": "参考答案",
        "handouts.true": "对",
        "handouts.false": "错",
        "certificate.heading": "结业证书",
        "certificate.intro": "你已完成本学习路径的全部模块。输入你的姓名并打印证书：姓名只保存在此浏览器中，不会发送。",
        "certificate.pending": "完成本学习路径每个模块的自我检测后即可打印结业证书（已完成 {done}/{total}）。",
        "certificate.name": "你的姓名",
        "certificate.print": "打印证书",
        "certificate.awarded": "兹证明",
        "certificate.completed": "已完成以下学习路径的全部模块",
        "certificate.date": "日期：{date}",
        # sessions
        "sessions.upcoming": "即将开始的课程",
        "sessions.intro": "本项目的现场课程。时间为上课地点的当地时间；如与你所在时区不同，会同时显示你的时间。",
        "sessions.past": "往期课程",
        "sessions.next": "近期课程",
        "sessions.schedule": "课程安排",
        "sessions.none": "暂无即将开始的课程。",
        "sessions.none_past": "暂无往期课程。",
        "sessions.online": "线上",
        "sessions.join_online": "线上会议",
        "sessions.seats": "{count} 个名额",
        "sessions.seats_label": "名额",
        "sessions.status": "状态",
        "sessions.months": "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月",
        "sessions.month_heading": "{year}年{month}",
        "sessions.status.planned": "已排期",
        "sessions.status.full": "已满",
        "sessions.status.cancelled": "已取消",
        "sessions.status.done": "已结束",
        "sessions.replaced_by": "由 {session} 代替",
        "sessions.signup": "报名",
        "sessions.add_to_calendar": "添加到日历",
        "sessions.subscribe": "在日历中订阅这些课程",
        "sessions.subscribe_all": "在日历中订阅整个项目",
        "sessions.your_time": "你的时间：{time}",
        "sessions.part": "第 {part} 次课（共 {parts} 次）",
        "sessions.filters": "筛选课程",
        "sessions.filter.track": "学习路径",
        "sessions.filter.mentor": "导师",
        "sessions.filter.place": "地点",
        "sessions.filter.language": "语言",
        "sessions.filter.all": "全部",
        "sessions.shown": "显示 {count} 场课程",
        "sessions.all": "所有即将开始的课程",
        "sessions.language": "语言",
        "sessions.mentor_past": "本模块的往期课程",
        "sessions.feedback": "本次课程的反馈",
        "sessions.date": "日期",
        "sessions.session": "课程",
        "sessions.calendar": "{site}：课程",
        "sessions.calendar_of": "{site}：{name}",
        # field reference page
        "schema.heading.module": "模块的前置元数据",
        "schema.heading.session_kit": "课程工具包（模块中的 `session:`）",
        "schema.heading.run_sheet_step": "课程流程环节（`session: run_sheet:`）",
        "schema.heading.track": "学习路径（`track.yml`）",
        "schema.heading.mentor": "导师（`mentors.yml`）",
        "schema.heading.example": "模块示例",
        "schema.heading.session": "课程场次（`sessions.yml`）",
        "schema.heading.sessions_example": "sessions.yml 示例",
        "schema.type.localdatetime": "当地日期和时间（YYYY-MM-DD HH:MM）",
        "schema.type.timezone": "IANA 时区",
        "schema.type.signuptemplate": "链接模板（https:、http: 或 mailto:，可含占位符）",
        "schema.type.text": "文本",
        "schema.type.slug": "标识符",
        "schema.type.reference": "模块引用",
        "schema.type.choice": "以下之一：{choices}",
        "schema.type.integer": "整数",
        "schema.type.duration": "时长",
        "schema.type.date": "日期（YYYY-MM-DD）",
        "schema.type.contact": "电子邮件地址或链接",
        "schema.type.url": "链接（https:、http: 或 mailto:）",
        "schema.type.linktemplate": "链接模板（https:、http: 或 mailto:，可含占位符）",
        "schema.type.listof": "{item} 列表",
        "schema.type.record": "包含 {fields} 的映射",
        "schema.module": "学习路径文件夹中的一个 Markdown 文件，以两行 `---` 之间的这些字段开头。",
        "schema.module.title": "模块名称，显示在导航和卡片上。",
        "schema.module.summary": "用一句话说明学员能获得什么；显示在卡片上，也可被搜索到。",
        "schema.module.mentors": "讲授该模块的导师标识符，取自 mentors.yml。",
        "schema.module.audience": "适合对象。",
        "schema.module.level": "学员应具备的基础。",
        "schema.module.duration": '一次现场课程的时长，以分钟计（90），或写作 "1h30"、"45min"。',
        "schema.module.objectives": "学员学完后能做到什么：每行一个学习成果。",
        "schema.module.prerequisites": "需要先学的模块：`track/module`，同一学习路径中的模块可只写 `module`。",
        "schema.module.tags": "关键词；每个关键词都有一个列出其模块的页面。",
        "schema.module.reviewed": "内容最近一次审阅的日期（YYYY-MM-DD）。",
        "schema.module.status": "`draft`（草稿）模块不会出现在已发布的网站上。",
        "schema.module.lang": "模块语言与网站语言不同时填写（例如 fr）。",
        "schema.module.feedback": "本模块的反馈链接模板，优先于学习路径和网站的设置。",
        "schema.module.session": "导师准备、讲授和复盘该模块现场课程所需的内容。",
        "schema.track": "每个学习路径文件夹中的一个 `track.yml` 文件。",
        "schema.track.title": "学习路径的名称。",
        "schema.track.summary": "用一句话说明学习路径的内容。",
        "schema.track.audience": "适合对象。",
        "schema.track.objectives": "学员学完整个学习路径后能做到什么。",
        "schema.track.modules": "学习路径中的模块，按学习顺序排列：文件夹中的文件名，不带 `.md`。",
        "schema.track.order": "学习路径在课程目录中的位置（数字小的在前）。",
        "schema.track.feedback": "本学习路径各模块的反馈链接模板，优先于网站的设置。",
        "schema.mentor": "`mentors.yml` 中的一个条目，以导师的标识符为键。",
        "schema.mentor.name": "全名。",
        "schema.mentor.role": "从事的工作，例如自由顾问或内部专家。",
        "schema.mentor.bio": "几句个人简介。",
        "schema.mentor.expertise": "讲授的主题。",
        "schema.mentor.contact": "学员联系导师用的电子邮件地址或链接。",
        "schema.session_kit": "导师准备、讲授和复盘该模块现场课程所需的内容。",
        "schema.session_kit.discovery": "构建课程之前向学员及其上级提出的问题：他们的问题、期望和水平。",
        "schema.session_kit.run_sheet": "现场课程的流程，逐个环节列出；分钟数之和必须等于模块时长。",
        "schema.session_kit.debrief": "导师课后使用的检查清单。",
        "schema.run_sheet_step": "",
        "schema.run_sheet_step.step": "课程这一部分的内容。",
        "schema.run_sheet_step.minutes": "所需时间，以分钟计。",
        "schema.session": "课程文件夹根目录下 `sessions.yml` 列表中的一项：一场现场课程。",
        "schema.session.id": "稳定且永不复用的标识符：日历和反馈链接都靠它识别课程。",
        "schema.session.modules": "课程涵盖的一个或多个模块：`track/module`。",
        "schema.session.track": "以整个学习路径代替模块：配合 `series`，按顺序为路径中的每个模块安排一次课。",
        "schema.session.start": "课程开始的当地日期和时间（YYYY-MM-DD HH:MM），以其 `timezone` 为准。",
        "schema.session.series": "配合 `track` 使用：按学习路径顺序列出每个模块课程的开始时间（代替 `start`）。",
        "schema.session.timezone": "上课地点的 IANA 时区，例如 Asia/Shanghai。",
        "schema.session.duration": "课程时长（默认为各模块时长）。",
        "schema.session.place": "现场授课时的教室和地点。",
        "schema.session.online": "视频授课时的线上会议链接。",
        "schema.session.mentors": "主讲导师的标识符（默认为各模块的导师）。",
        "schema.session.language": "课程使用的语言，例如 en 或 zh。",
        "schema.session.capacity": "名额数。",
        "schema.session.signup": "报名链接；占位符与反馈链接相同，例如 {session} 和 {title}。",
        "schema.session.status": "planned（已排期）、full（已满）、cancelled（已取消）或 done（已举行）。",
        "schema.session.replaced_by": "用于已取消的课程：替代它的课程标识符，或 `none`。",
        "schema.session.notes": "随课程显示的自由备注。",
        # the catalogue filters, the 404 page, language sites, feedback figures and the mentor view switch
        "curriculum.about": "关于本项目",
        "curriculum.all_modules": "全部模块",
        "filters.label": "筛选模块",
        "filters.level": "难度",
        "filters.any_level": "所有难度",
        "filters.duration": "时长",
        "filters.any_duration": "所有时长",
        "filters.duration.up-to-30": "30 分钟以内",
        "filters.duration.30-60": "30 至 60 分钟",
        "filters.duration.over-60": "超过 1 小时",
        "filters.audience": "对象",
        "filters.any_audience": "所有人",
        "filters.tag": "标签",
        "filters.any_tag": "所有标签",
        "filters.clear": "显示全部模块",
        "filters.shown_one": "显示 1 个模块",
        "filters.shown": "显示 {count} 个模块",
        "filters.none": "没有符合这些条件的模块。",
        "notfound.title": "找不到页面",
        "notfound.text": "本站没有这个地址的页面：页面可能已移动，或链接有误。",
        "notfound.search": "搜索本站",
        "notfound.search_button": "搜索",
        "notfound.catalogue": "浏览课程目录",
        "notfound.learning": "查看我的学习",
        "i18n.not_translated": "尚未翻译成{language}——以{source}显示。",
        "i18n.stale": "{source}版本已于 {date} 更新；此译文可能已过时。",
        "i18n.read_source": "阅读{source}版本",
        "i18n.reference_heading": "翻译",
        "i18n.reference": (
            "模块 `chatbots.md` 由其旁边的 `chatbots.fr.md`、`chatbots.zh.md` … 翻译（smartshare/curriculum "
            "的 `languages` 中每种语言一个文件）。译文的头部只包含 {fields} 和 `translated_from:`，即所翻译源"
            "文件的 git 提交；其他字段都来自源文件，若以不同的值重复则给出警告。正文、测验（使用源文件的测验 "
            "id）和导师备注由译文自己提供。`index.zh.md` 翻译 `index.md`；`track.zh.yml` 包含学习路径翻译后的"
            "标题、摘要、目标和对象；`mentors.zh.yml` 将导师 id 对应到其翻译后的字段（{mentor_fields}）。`sma"
            "rtshare check` 会指出自 `translated_from` 以来源文件的变化（日期和行）以及尚未翻译的模块。"
        ),
        "language.en": "英语",
        "language.fr": "法语",
        "language.zh": "中文",
        "language.ja": "日语",
        "feedback.thanks": "谢谢——您的评价“{label}”已保存在此设备上。请提交刚打开的表单，以便导师收到。",
        "feedback.thanks_mailto": "谢谢——您的评价“{label}”已保存在此设备上。请发送刚打开的邮件，以便导师收到。",
        "feedback.rated_before": "您已在此设备上将此模块评价为“{label}”。",
        "feedback.figures.landed": "反响如何",
        "feedback.figures.none": "此模块还没有反馈记录：请用 'smartshare feedback import' 导入问卷导出文件。",
        "feedback.figures.not_enough": "回复还不够（{count} / {needed}）。",
        "feedback.figures.summary": "{count} 条回复，平均评分 {mean}（1 = 没有用，3 = 非常有用）。",
        "feedback.figures.decimal": ".",
        "feedback.figures.percent": "{value}%",
        "feedback.figures.separator": "；",
        "feedback.figures.ratings_of": "{title} 的评分",
        "feedback.figures.ratings_desc": "{parts}。{count} 条回复，平均 {mean}。",
        "feedback.figures.trend": "各场次趋势",
        "feedback.figures.trend_of": "各场次平均评分：{title}",
        "feedback.figures.trend_desc": "按日期排列的各场次平均评分（1 至 3）及回复数：{parts}。",
        "feedback.figures.no_session": "未注明场次",
        "feedback.figures.rating": "评分",
        "feedback.figures.responses": "回复",
        "feedback.figures.share": "占比",
        "feedback.figures.session": "场次",
        "feedback.figures.date": "日期",
        "feedback.figures.mean": "平均",
        "feedback.figures.comments": "最新评论（{count} 条中的 {shown} 条）",
        "feedback.figures.comments_note": "学员的原话：仅供导师查看，绝不复制到课程页面。",
        "feedback.figures.questions": "问题",
        "feedback.figures.question": "问题",
        "feedback.figures.first_answers": "首次回答",
        "feedback.figures.right": "首次即答对",
        "feedback.figures.wrong_option": "最常选的错误选项",
        "feedback.figures.too_hard": "太难",
        "feedback.figures.too_easy": "太容易",
        "feedback.figures.flags_intro": "首次答对率低于 {hard} 的问题标为太难，高于 {easy} 的标为太容易。",
        "feedback.figures.track_summary": "关于{name}的反馈",
        "feedback.figures.mentor_summary": "{name}",
        "feedback.figures.group_line": (
            "{modules} 个模块共 {count} 条回复（其中 {enough} 个模块的回复足以显示数据）；问题的首次回答共 {a"
            "nswers} 条。"
        ),
        "feedback.figures.attention": "需要关注",
        "feedback.figures.attention_none": "没有需要关注的内容。",
        "feedback.figures.reason.low-rating": "评分偏低（平均 {mean}）",
        "feedback.figures.reason.hard-questions": "问题太难：{questions}",
        "feedback.figures.reason.stale-review": "需要审阅",
        "feedback.figures.programme": "关于整个项目的反馈",
        "feedback.figures.programme_ratings": "所有模块的评分",
        "feedback.figures.programme_intro": "基于 {records} 条反馈记录（curricula/feedback/）。",
        "mentor.toggle": "导师视图",
        "mentor.toggle_on": "开",
        "mentor.toggle_off": "关",
        "mentor.by_mentor": "按导师",
        "sessions.all_of_mentor": "议程中 {name} 的更多场次",
        "sessions.by_month": "按月份的场次",
        "schema.heading.placeholders": "反馈链接占位符（`feedback:` 和 feedback 插件的 `channel`）",
        "schema.placeholders": "在链接模板中写在花括号内；每个值整体进行百分号编码。",
        "schema.placeholder": "占位符",
        "schema.placeholder.module": "模块 id，例如 ai/chatbots。",
        "schema.placeholder.title": "模块标题。",
        "schema.placeholder.track": "模块所属学习路径的标题。",
        "schema.placeholder.mentor": "模块导师的姓名，以逗号分隔。",
        "schema.placeholder.rating": "评分：1（没有用）、2（有一点用）、3（非常有用）；评论时为空。",
        "schema.placeholder.score": "页面所有测验检查完后的自测得分（3/4）；之前为空。",
        "schema.placeholder.url": "模块页面的地址。",
        "schema.placeholder.session": "学员来自的场次 id（?session=ID）；未知时为空。",
        "schema.placeholder.lang": "页面语言（构建的 theme.language），例如 zh。",
        "schema.placeholder.build": "构建网站所用的 git 提交；不在 git 中时为空。",
        "schema.heading.records": "反馈记录（`feedback/*.jsonl`）",
        "schema.records": (
            "由 'smartshare feedback import' 写入课程的 feedback/ 文件夹，每行一个 JSON 对象，从不发布：导师"
            "区的数据来自这些记录。空字段省略。"
        ),
        "schema.record.key": "标识来源中的回复：同一导出文件导入两次不会增加任何内容。",
        "schema.record.source": "来源：gforms、msforms、limesurvey、csv 或 xapi。",
        "schema.record.kind": "rating（评分）、answer（测验回答）、completion（完成自测）或 comment（评论）。",
        "schema.record.module": "模块 id。",
        "schema.record.track": "学习路径 id。",
        "schema.record.session": "场次 id（sessions.yml），如已知。",
        "schema.record.lang": "页面或问卷的语言。",
        "schema.record.build": "学员所看页面构建时的 git 提交，如已知。",
        "schema.record.time": "给出的时间，UTC（ISO 8601）。",
        "schema.record.respondent": "将同一回复的记录归在一起的匿名键，绝不是姓名或地址。",
        "schema.record.rating": "1（没有用）、2（有一点用）或 3（非常有用）。",
        "schema.record.question": "回答：测验 id。",
        "schema.record.choice": "回答：所选选项，按其在测验中书写的位置（从 0 开始）。",
        "schema.record.correct": "回答：是否答对。",
        "schema.record.first_try": "回答：是否为学员对该问题的首次回答。",
        "schema.record.score": "自测得分，0 至 1。",
        "schema.record.comment": "学员的评论，仅向导师显示。",
        "schema.record.kept": "特意保留的导出列（--keep）：列名和值。",
    },
    "ja": {
        # Japanese: full-width punctuation, numbers written next to their unit ("45分", "1時間30分")
        # every part: a label and its value, a label before what follows it (French: a no-break space before
        # the colon; Chinese and Japanese: the full-width colon)
        "pair": "{label}：{value}",
        "label": "{label}：",
        "curriculum.catalogue": "カタログ",
        "curriculum.catalogue_intro": "プログラムのすべてのトラックを、おすすめの受講順に並べています。",
        "curriculum.tracks": "トラック",
        "curriculum.all_tracks": "全{count}トラック",
        "curriculum.modules": "モジュール",
        "curriculum.track": "トラック",
        "curriculum.modules_count": "{count} モジュール",
        "curriculum.module_count_one": "1 モジュール",
        "curriculum.total_duration": "合計時間",
        "curriculum.duration": "所要時間",
        "curriculum.level": "レベル",
        "curriculum.levels": "レベル",
        "curriculum.level.beginner": "初級",
        "curriculum.level.intermediate": "中級",
        "curriculum.level.advanced": "上級",
        "curriculum.audience": "対象",
        "curriculum.mentors": "メンター",
        "curriculum.mentor": "メンター",
        "curriculum.objectives": "学習目標",
        "curriculum.track_objectives": "修了後にできるようになること",
        "curriculum.prerequisites": "このモジュールの前に",
        "curriculum.tags": "タグ",
        "curriculum.tag": "タグ",
        "curriculum.tags_intro": "プログラムで使われているすべてのキーワードと、そのモジュールです。",
        "curriculum.tag_intro": "{tag} のタグが付いたモジュール。",
        "curriculum.previous": "前へ",
        "curriculum.next": "次へ",
        "curriculum.module_position": "{track}：全 {total} モジュール中 {position} 番目",
        "curriculum.reviewed": "内容の最終確認日：{date}",
        "curriculum.not_reviewed": "内容は未確認です",
        "curriculum.draft": "下書き",
        "curriculum.draft_notice": "このモジュールは下書きです。公開サイトには含まれません。",
        "curriculum.teaches": "担当モジュール",
        "curriculum.expertise": "専門分野",
        "curriculum.contact": "連絡先",
        "curriculum.mentors_intro": "このプログラムを教えるメンターです。",
        "curriculum.no_modules": "モジュールはまだありません。",
        "curriculum.minutes": "{minutes}分",
        "curriculum.hours": "{hours}時間",
        "curriculum.hours_minutes": "{hours}時間{minutes}分",
        "curriculum.date": "{year}年{month}月{day}日",
        "curriculum.reference": "フィールドリファレンス",
        "curriculum.reference_intro": (
            "メンターが記述できるすべてのフィールド。ビルドのたびと `smartshare check` で検証されます。"
        ),
        "curriculum.field": "フィールド",
        "curriculum.type": "型",
        "curriculum.required": "必須",
        "curriculum.example": "例",
        "curriculum.description": "説明",
        "curriculum.yes": "はい",
        "curriculum.no": "いいえ",
        # feedback
        "feedback.question": "このモジュールはどのくらい役に立ちましたか？",
        "feedback.rating_1": "役に立たなかった",
        "feedback.rating_2": "少し役に立った",
        "feedback.rating_3": "とても役に立った",
        "feedback.tell_more": "メンターに詳しく伝える",
        "feedback.ask_mentor": "{name} さんに質問する",
        "feedback.suggest_change": "修正を提案する",
        "feedback.score_prompt": "セルフチェックの結果は {score} でした。ワンクリックでメンターに感想を伝えられます：",
        "feedback.mentor_note": "メンター向けメモ",
        # mentor
        "mentor.area": "メンターエリア",
        "mentor.intro": (
            "モジュールを教える人のためのメモ、セッションキット、解答、確認日です。"
            "サイトのこの部分はメンター専用です。アドレスは共有しないでください。"
        ),
        "mentor.optin_help": (
            "このブラウザーにのみ記憶されます。講座ページに、対応するメンターページへのリンクが表示されます。"
        ),
        "mentor.link_module": "このモジュールのメンターシート",
        "mentor.link_track": "このトラックのメンターページ",
        "mentor.link_home": "メンターエリア",
        "mentor.sheet": "メンターシート：{title}",
        "mentor.track_page": "メンター：{title}",
        "mentor.course_page": "講座ページ",
        "mentor.open": "開く",
        "mentor.print": "メンターシートを印刷",
        "mentor.session_kit": "セッションキット",
        "mentor.notes_count": "このモジュールのメンター向けメモ：{count} 件（該当箇所に表示）。",
        "mentor.no_notes": "このモジュールにはメンター向けメモがありません。",
        "mentor.reviewed_on": "内容の確認日：{date}。",
        "mentor.never_reviewed": "未確認",
        "mentor.no_session": (
            "このモジュールにはまだセッションキットがありません（フロントマターに 'session:' を追加してください）。"
        ),
        "mentor.discovery": "セッション前：聞いておく質問",
        "mentor.run_sheet": "進行表",
        "mentor.step": "ステップ",
        "mentor.minutes": "分",
        "mentor.total": "合計",
        "mentor.duration_mismatch": "所要時間は {duration}",
        "mentor.debrief": "セッション後：振り返り",
        "mentor.reviews": "確認日",
        "mentor.reviews_intro": (
            "最終確認から {days} 日を超えたモジュール、または未確認のモジュールを強調表示しています。"
        ),
        "mentor.module": "モジュール",
        "mentor.reviewed": "確認日",
        "mentor.age": "経過日数",
        "mentor.never": "未確認",
        "mentor.days": "{days}日",
        "mentor.review_due": "要確認",
        "mentor.stats": "プログラムの統計",
        "mentor.stats_intro": (
            "トラックごとの公開モジュール（{date} 時点で {days} 日を超えた確認は期限切れ）。"
            "'smartshare stats' と同じ数値です。"
        ),
        "mentor.drafts": "下書き",
        "mentor.hours": "時間",
        "mentor.questions_per_module": "モジュールあたりの問題数",
        "mentor.without_quiz": "クイズなし",
        "mentor.never_reviewed_count": "未確認",
        "mentor.stale_count": "確認期限切れ",
        "mentor.load": "メンターの担当状況",
        "mentor.attention": "要対応",
        "mentor.no_quiz": "クイズなし、",
        "mentor.reviewed_days_ago": "最終確認は {days} 日前",
        "mentor.all_good": "すべてのモジュールにクイズがあり、最近確認されています。",
        # intranet
        "intranet.last_changed": "最終更新日：{date}",
        # rich
        "rich.glossary": "用語集",
        "rich.glossary_intro": (
            "モジュールで使われている専門用語です。"
            "モジュール内で用語にポインターを合わせるか Tab キーで移動すると、意味が表示されます。"
        ),
        "rich.full_size_image": "元のサイズの画像を開く",
        # quiz
        "quiz.question": "問 {number}",
        "quiz.select_all": "当てはまるものをすべて選んでください。",
        "quiz.your_answer": "あなたの答え",
        "quiz.hint": "ヒント",
        "quiz.check": "答え合わせ",
        "quiz.try_again": "もう一度",
        "quiz.reveal": "答えを表示",
        "quiz.your_choice": "あなたの選択：",
        "quiz.show_answer": "答えを見る",
        "quiz.correct_option": "正解：",
        "quiz.incorrect_option": "不正解：",
        "quiz.accepted_answers": "正解とみなす答え：",
        "quiz.right": "正解です！",
        "quiz.wrong": "少し違います。",
        "quiz.choose_first": "先に答えを選んでください。",
        "quiz.type_first": "先に答えを入力してください。",
        "quiz.score": "セルフチェック：{total} 問中 {correct} 問正解",
        "quiz.progress": "セルフチェック：{total} 問中 {done} 問回答、{correct} 問正解",
        "quiz.to_retry": "やり直し {missed} 問",
        "quiz.retry_missed": "間違えた問題をやり直す",
        "quiz.reset": "回答をリセット",
        "progress.done": "完了",
        "progress.mark_done": "完了にする",
        "progress.marked_done": "このモジュールを完了にしました。",
        "progress.undo_done": "未完了に戻す",
        "progress.continue": "続きから：{title}",
        "progress.start": "始める：{title}",
        "progress.progress": "{total} モジュール中 {done} 完了",
        "progress.storage_off": (
            "このブラウザーではサイトが進捗を保存できません（プライベートブラウズまたはストレージが無効）。"
            "ここでの操作は保存されません。"
        ),
        "progress.storage_full": (
            "このサイト用のブラウザーのストレージがいっぱいです。最新の進捗を保存できませんでした。"
        ),
        "progress.corrupted": (
            "このブラウザーに保存された進捗を読み込めませんでした。別に保管し、進捗は最初からになります。"
        ),
        "progress.migrated": "進捗はこのサイトの以前のバージョンで保存されていたため、更新しました。",
        "progress.newer": "進捗はこのサイトの新しいバージョンで保存されています。表示のみで、ここでは変更しません。",
        "progress.import_done": "進捗をインポートしました：{count} モジュール。",
        "progress.import_malformed": "このファイルはこのサイトの進捗ファイルではありません。何も変更していません。",
        "progress.import_other_site": "この進捗ファイルは別のサイトのものです。何も変更していません。",
        "progress.import_newer": "この進捗ファイルはこのサイトの新しいバージョンのものです。何も変更していません。",
        "progress.reset_confirm": "このブラウザーに保存された、このサイトの進捗をすべて消去しますか？",
        "progress.reset_done": "進捗を消去しました。",
        "progress.score": "セルフチェック：{correct}/{total}",
        "progress.by_hand": "手動で完了",
        "progress.nothing_yet": "まだ何もありません。モジュールを開いて始めましょう。",
        "learning.title": "マイ学習",
        "learning.intro": (
            "進捗はこのブラウザーにだけ保存され、どこにも送信されません。"
            "別のブラウザーで使うにはエクスポートしてください。"
        ),
        "learning.in_progress": "受講中のトラック",
        "learning.done": "完了したモジュール",
        "learning.recent": "最近見たページ",
        "learning.module": "モジュール",
        "learning.result": "結果",
        "learning.date": "完了日",
        "learning.save": "保存と復元",
        "learning.export": "進捗をエクスポート",
        "learning.import": "進捗ファイルをインポート",
        "learning.reset": "進捗を消去",
        "learning.needs_js": "このページには JavaScript が必要です。進捗はブラウザーに保存されます。",
        # handouts and certificate
        "handouts.download": "配布資料（PDF）",
        "handouts.download_track": "トラックの配布資料（PDF）",
        "handouts.qr_page": "このモジュールのオンライン版",
        "handouts.qr_feedback": "メンターに感想を伝える",
        "handouts.mentor_notes": "メンター向けメモ",
        "handouts.answer_key": "解答",
        "handouts.true": "正しい",
        "handouts.false": "誤り",
        "certificate.heading": "修了証",
        "certificate.intro": (
            "このトラックのすべてのモジュールを修了しました。お名前を入力して修了証を印刷してください。"
            "お名前はこのブラウザーにのみ保存され、送信されません。"
        ),
        "certificate.pending": (
            "このトラックの各モジュールのセルフチェックを完了すると、修了証を印刷できます（{total} 中 {done} 完了）。"
        ),
        "certificate.name": "お名前",
        "certificate.print": "修了証を印刷",
        "certificate.awarded": "受講者",
        "certificate.completed": "上記の者は、次のトラックのすべてのモジュールを修了したことを証します",
        "certificate.date": "{date}",
        # sessions
        "sessions.upcoming": "今後のセッション",
        "sessions.intro": (
            "プログラムのライブセッションです。時刻は開催地の時刻で、"
            "お住まいの地域と異なる場合はあなたの時刻も表示します。"
        ),
        "sessions.past": "過去のセッション",
        "sessions.next": "次回のセッション",
        "sessions.schedule": "スケジュール",
        "sessions.none": "今後のセッションはありません。",
        "sessions.none_past": "過去のセッションはまだありません。",
        "sessions.online": "オンライン",
        "sessions.join_online": "オンライン会議",
        "sessions.seats": "定員 {count} 名",
        "sessions.seats_label": "定員",
        "sessions.status": "状況",
        "sessions.months": "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月",
        "sessions.month_heading": "{year}年{month}",
        "sessions.status.planned": "予定",
        "sessions.status.full": "満席",
        "sessions.status.cancelled": "中止",
        "sessions.status.done": "終了",
        "sessions.replaced_by": "{session} に振替",
        "sessions.signup": "申し込む",
        "sessions.add_to_calendar": "カレンダーに追加",
        "sessions.subscribe": "これらのセッションをカレンダーで購読",
        "sessions.subscribe_all": "プログラム全体をカレンダーで購読",
        "sessions.your_time": "あなたの時刻：{time}",
        "sessions.part": "全 {parts} 回中 第 {part} 回",
        "sessions.filters": "セッションを絞り込む",
        "sessions.filter.track": "トラック",
        "sessions.filter.mentor": "メンター",
        "sessions.filter.place": "場所",
        "sessions.filter.language": "言語",
        "sessions.filter.all": "すべて",
        "sessions.shown": "{count} 件のセッションを表示",
        "sessions.all": "今後のすべてのセッション",
        "sessions.language": "言語",
        "sessions.mentor_past": "このモジュールの過去のセッション",
        "sessions.feedback": "このセッションのフィードバック",
        "sessions.date": "日付",
        "sessions.session": "セッション",
        "sessions.calendar": "{site}：セッション",
        "sessions.calendar_of": "{site}：{name}",
        # field reference page
        "schema.heading.module": "モジュールのフロントマター",
        "schema.heading.session_kit": "セッションキット（モジュール内の `session:`）",
        "schema.heading.run_sheet_step": "進行表のステップ（`session: run_sheet:`）",
        "schema.heading.track": "トラック（`track.yml`）",
        "schema.heading.mentor": "メンター（`mentors.yml`）",
        "schema.heading.example": "モジュールの例",
        "schema.heading.session": "セッション（`sessions.yml`）",
        "schema.heading.sessions_example": "sessions.yml の例",
        "schema.type.localdatetime": "現地の日時（YYYY-MM-DD HH:MM）",
        "schema.type.timezone": "IANA タイムゾーン",
        "schema.type.signuptemplate": "リンクのテンプレート（https:、http: または mailto:、プレースホルダー可）",
        "schema.type.text": "テキスト",
        "schema.type.slug": "ID",
        "schema.type.reference": "モジュールの参照",
        "schema.type.choice": "{choices} のいずれか",
        "schema.type.integer": "整数",
        "schema.type.duration": "所要時間",
        "schema.type.date": "日付（YYYY-MM-DD）",
        "schema.type.contact": "メールアドレスまたはリンク",
        "schema.type.url": "リンク（https:、http: または mailto:）",
        "schema.type.linktemplate": "リンクのテンプレート（https:、http: または mailto:、プレースホルダー可）",
        "schema.type.listof": "{item} のリスト",
        "schema.type.record": "{fields} を持つマッピング",
        "schema.module": (
            "トラックのフォルダーにある Markdown ファイル。2 行の `---` の間にこれらのフィールドを書いて始めます。"
        ),
        "schema.module.title": "モジュール名。ナビゲーションとカードに表示されます。",
        "schema.module.summary": "受講者が得られるものを一文で。カードに表示され、検索の対象になります。",
        "schema.module.mentors": "担当メンターの ID（mentors.yml から）。",
        "schema.module.audience": "対象者。",
        "schema.module.level": "受講者に必要な前提知識の程度。",
        "schema.module.duration": 'ライブセッションの所要時間。分（90）または "1h30"、"45min" の形式で。',
        "schema.module.objectives": "受講後にできるようになること。1 行に 1 つの学習成果。",
        "schema.module.prerequisites": "先に受講するモジュール：`track/module`、同じトラック内なら `module`。",
        "schema.module.tags": "キーワード。それぞれにモジュール一覧のページができます。",
        "schema.module.reviewed": "内容の最終確認日（YYYY-MM-DD）。",
        "schema.module.status": "`draft`（下書き）のモジュールは公開サイトから除外されます。",
        "schema.module.lang": "サイトの言語と異なる場合のモジュールの言語（例：fr）。",
        "schema.module.feedback": (
            "このモジュールのフィードバックリンクのテンプレート。トラックとサイトの設定より優先されます。"
        ),
        "schema.module.session": "モジュールのライブセッションを準備、実施、振り返るためにメンターが必要とするもの。",
        "schema.track": "各トラックのフォルダーにある `track.yml` ファイル。",
        "schema.track.title": "トラック名。",
        "schema.track.summary": "トラックの内容を一文で。",
        "schema.track.audience": "対象者。",
        "schema.track.objectives": "トラック全体の修了後にできるようになること。",
        "schema.track.modules": "トラックのモジュールを学習順に：フォルダー内のファイル名（`.md` なし）。",
        "schema.track.order": "カタログ内でのトラックの順番（小さいものが先）。",
        "schema.track.feedback": (
            "トラックのモジュールのフィードバックリンクのテンプレート。サイトの設定より優先されます。"
        ),
        "schema.mentor": "`mentors.yml` のエントリー。メンターの ID の下に書きます。",
        "schema.mentor.name": "氏名。",
        "schema.mentor.role": "職務。例：フリーランスのコンサルタント、社内エキスパート。",
        "schema.mentor.bio": "数文の自己紹介。",
        "schema.mentor.expertise": "教えるテーマ。",
        "schema.mentor.contact": "受講者が連絡できるメールアドレスまたはリンク。",
        "schema.session_kit": "モジュールのライブセッションを準備、実施、振り返るためにメンターが必要とするもの。",
        "schema.session_kit.discovery": "セッションを組み立てる前に受講者とその上司に聞く質問：課題、期待、レベル。",
        "schema.session_kit.run_sheet": (
            "ライブセッションの進行をステップごとに。分の合計はモジュールの所要時間と一致する必要があります。"
        ),
        "schema.session_kit.debrief": "セッション後にメンターが使うチェックリスト。",
        "schema.run_sheet_step": "",
        "schema.run_sheet_step.step": "セッションのこの部分で行うこと。",
        "schema.run_sheet_step.minutes": "所要時間（分）。",
        "schema.session": "プログラムのフォルダー直下にある `sessions.yml` のリストの 1 項目：1 回のライブセッション。",
        "schema.session.id": (
            "安定した、再利用しない ID。カレンダーとフィードバックリンクはこの ID でセッションを識別します。"
        ),
        "schema.session.modules": "セッションで扱うモジュール（複数可）：`track/module`。",
        "schema.session.track": (
            "モジュールの代わりにトラック全体を指定。`series` と併用すると、"
            "トラックの各モジュールを順に 1 回ずつ行います。"
        ),
        "schema.session.start": "セッション開始の現地日時（YYYY-MM-DD HH:MM）。`timezone` の時刻です。",
        "schema.session.series": (
            "`track` と併用：トラックの順に、各モジュールのセッションの開始日時（`start` の代わり）。"
        ),
        "schema.session.timezone": "開催地の IANA タイムゾーン。例：Asia/Tokyo。",
        "schema.session.duration": "セッションの所要時間（既定：モジュールの所要時間）。",
        "schema.session.place": "対面で行う場合の会場と拠点。",
        "schema.session.online": "ビデオ会議で行う場合のオンライン会議のリンク。",
        "schema.session.mentors": "担当メンターの ID（既定：モジュールのメンター）。",
        "schema.session.language": "セッションで話す言語。例：en、ja。",
        "schema.session.capacity": "定員。",
        "schema.session.signup": (
            "申し込みリンク。プレースホルダーはフィードバックリンクと同じ（例：{session}、{title}）。"
        ),
        "schema.session.status": "planned（予定）、full（満席）、cancelled（中止）、done（実施済み）のいずれか。",
        "schema.session.replaced_by": "中止したセッションの場合：代わりのセッションの ID、または `none`。",
        "schema.session.notes": "セッションとともに表示する自由記述のメモ。",
        # the catalogue filters, the 404 page, language sites, feedback figures and the mentor view switch
        "curriculum.about": "このプログラムについて",
        "curriculum.all_modules": "すべてのモジュール",
        "filters.label": "モジュールを絞り込む",
        "filters.level": "レベル",
        "filters.any_level": "すべてのレベル",
        "filters.duration": "所要時間",
        "filters.any_duration": "すべての所要時間",
        "filters.duration.up-to-30": "30分以内",
        "filters.duration.30-60": "30〜60分",
        "filters.duration.over-60": "1時間超",
        "filters.audience": "対象",
        "filters.any_audience": "すべての対象",
        "filters.tag": "タグ",
        "filters.any_tag": "すべてのタグ",
        "filters.clear": "すべてのモジュールを表示",
        "filters.shown_one": "1件のモジュールを表示中",
        "filters.shown": "{count}件のモジュールを表示中",
        "filters.none": "条件に合うモジュールはありません。",
        "notfound.title": "ページが見つかりません",
        "notfound.text": (
            "このアドレスのページはありません。ページが移動したか、リンクが間違っている可能性があります。"
        ),
        "notfound.search": "サイト内を検索",
        "notfound.search_button": "検索",
        "notfound.catalogue": "カタログを見る",
        "notfound.learning": "自分の学習を見る",
        "i18n.not_translated": "{language}にはまだ翻訳されていません — {source}で表示しています。",
        "i18n.stale": "{source}版は {date} に更新されました。この翻訳は古い可能性があります。",
        "i18n.read_source": "{source}版を読む",
        "i18n.reference_heading": "翻訳",
        "i18n.reference": (
            "モジュール `chatbots.md` は、その隣の `chatbots.fr.md`、`chatbots.ja.md` … で翻訳します（smartsh"
            "are/curriculum の `languages` にある言語ごとに1ファイル）。翻訳のフロントマターには {fields} と"
            "、翻訳元の git コミットを示す `translated_from:` だけを書きます。その他のフィールドはすべて翻訳"
            "元から引き継がれ、別の値で繰り返すと警告になります。本文、クイズ（翻訳元と同じクイズ id）、メン"
            "ターノートは翻訳独自のものです。`index.ja.md` は `index.md` を翻訳します。`track.ja.yml` にはト"
            "ラックの翻訳済みタイトル、概要、目標、対象を書きます。`mentors.ja.yml` はメンター id を翻訳済み"
            "の {mentor_fields} に対応づけます。`smartshare check` は `translated_from` 以降の翻訳元の変更（"
            "日付と行）と、未翻訳のモジュールを知らせます。"
        ),
        "language.en": "英語",
        "language.fr": "フランス語",
        "language.zh": "中国語",
        "language.ja": "日本語",
        "feedback.thanks": (
            "ありがとうございます — 評価「{label}」はこの端末に記録されました。メンターに届くよう、開いたフォ"
            "ームを送信してください。"
        ),
        "feedback.thanks_mailto": (
            "ありがとうございます — 評価「{label}」はこの端末に記録されました。メンターに届くよう、開いたメー"
            "ルを送信してください。"
        ),
        "feedback.rated_before": "この端末でこのモジュールを「{label}」と評価しました。",
        "feedback.figures.landed": "受け止められ方",
        "feedback.figures.none": (
            "このモジュールのフィードバック記録はまだありません。'smartshare feedback import' でアンケートの"
            "エクスポートを取り込んでください。"
        ),
        "feedback.figures.not_enough": "回答がまだ足りません（{needed}件中{count}件）。",
        "feedback.figures.summary": ("回答{count}件、平均評価 {mean}（1 = 役に立たなかった、3 = とても役に立った）。"),
        "feedback.figures.decimal": ".",
        "feedback.figures.percent": "{value}%",
        "feedback.figures.separator": "、",
        "feedback.figures.ratings_of": "{title} の評価",
        "feedback.figures.ratings_desc": "{parts}。回答{count}件の平均 {mean}。",
        "feedback.figures.trend": "セッションごとの推移",
        "feedback.figures.trend_of": "セッションごとの平均評価：{title}",
        "feedback.figures.trend_desc": "日付順のセッションごとの平均評価（1〜3）と回答数：{parts}。",
        "feedback.figures.no_session": "セッション不明",
        "feedback.figures.rating": "評価",
        "feedback.figures.responses": "回答",
        "feedback.figures.share": "割合",
        "feedback.figures.session": "セッション",
        "feedback.figures.date": "日付",
        "feedback.figures.mean": "平均",
        "feedback.figures.comments": "最新のコメント（{count}件中{shown}件）",
        "feedback.figures.comments_note": (
            "受講者自身の言葉です。メンター専用で、コースページには決して転載しません。"
        ),
        "feedback.figures.questions": "問題",
        "feedback.figures.question": "問題",
        "feedback.figures.first_answers": "最初の回答",
        "feedback.figures.right": "1回目で正解",
        "feedback.figures.wrong_option": "最も多く選ばれた誤答",
        "feedback.figures.too_hard": "難しすぎる",
        "feedback.figures.too_easy": "易しすぎる",
        "feedback.figures.flags_intro": (
            "1回目の正答率が {hard} 未満の問題は難しすぎる、{easy} 超は易しすぎるとして示します。"
        ),
        "feedback.figures.track_summary": "{name} へのフィードバック",
        "feedback.figures.mentor_summary": "{name}",
        "feedback.figures.group_line": (
            "{modules}モジュールに回答{count}件（うち{enough}モジュールは数値を示せる回答数）。問題への最初の"
            "回答は{answers}件。"
        ),
        "feedback.figures.attention": "要対応",
        "feedback.figures.attention_none": "対応が必要なものはありません。",
        "feedback.figures.reason.low-rating": "評価が低い（平均 {mean}）",
        "feedback.figures.reason.hard-questions": "難しすぎる問題：{questions}",
        "feedback.figures.reason.stale-review": "見直しが必要",
        "feedback.figures.programme": "プログラム全体へのフィードバック",
        "feedback.figures.programme_ratings": "全モジュールの評価",
        "feedback.figures.programme_intro": "フィードバック記録 {records} 件（curricula/feedback/）より。",
        "mentor.toggle": "メンター表示",
        "mentor.toggle_on": "オン",
        "mentor.toggle_off": "オフ",
        "mentor.by_mentor": "メンター別",
        "sessions.all_of_mentor": "アジェンダで {name} のセッションをもっと見る",
        "sessions.by_month": "月別のセッション",
        "schema.heading.placeholders": (
            "フィードバックリンクのプレースホルダー（`feedback:` と feedback プラグインの `channel`）"
        ),
        "schema.placeholders": (
            "リンクテンプレート内で波かっこで囲んで書きます。各値は全体がパーセントエンコードされます。"
        ),
        "schema.placeholder": "プレースホルダー",
        "schema.placeholder.module": "モジュール id（例：ai/chatbots）。",
        "schema.placeholder.title": "モジュールのタイトル。",
        "schema.placeholder.track": "モジュールが属するトラックのタイトル。",
        "schema.placeholder.mentor": "モジュールのメンター名（カンマ区切り）。",
        "schema.placeholder.rating": (
            "評価：1（役に立たない）、2（少し役に立つ）、3（とても役に立つ）。コメントでは空。"
        ),
        "schema.placeholder.score": ("ページのすべてのクイズを確認した後のセルフチェックの得点（3/4）。それまでは空。"),
        "schema.placeholder.url": "モジュールページのアドレス。",
        "schema.placeholder.session": "受講者が来たセッションの id（?session=ID）。不明な場合は空。",
        "schema.placeholder.lang": "ページの言語（ビルドの theme.language）、例：ja。",
        "schema.placeholder.build": "サイトをビルドした git コミット。git の外では空。",
        "schema.heading.records": "フィードバック記録（`feedback/*.jsonl`）",
        "schema.records": (
            "'smartshare feedback import' がカリキュラムの feedback/ フォルダーに書き込みます。1行に1つの JSO"
            "N オブジェクトで、公開されることはありません。メンターエリアの数値はここから作られます。空のフィ"
            "ールドは省略されます。"
        ),
        "schema.record.key": "ソース内の回答を識別します。同じエクスポートを2回取り込んでも何も増えません。",
        "schema.record.source": "出どころ：gforms、msforms、limesurvey、csv、xapi。",
        "schema.record.kind": (
            "rating（評価）、answer（クイズへの回答）、completion（セルフチェック完了）、comment（コメント）。"
        ),
        "schema.record.module": "モジュール id。",
        "schema.record.track": "トラック id。",
        "schema.record.session": "セッション id（sessions.yml）、わかる場合。",
        "schema.record.lang": "ページまたはアンケートの言語。",
        "schema.record.build": "受講者のページをビルドした git コミット、わかる場合。",
        "schema.record.time": "回答された日時、UTC（ISO 8601）。",
        "schema.record.respondent": "1つの回答の記録をまとめる匿名キー。名前やアドレスではありません。",
        "schema.record.rating": "1（役に立たない）、2（少し役に立つ）、3（とても役に立つ）。",
        "schema.record.question": "回答の場合：クイズ id。",
        "schema.record.choice": "回答の場合：選んだ選択肢。クイズに書かれた位置（0から）で示します。",
        "schema.record.correct": "回答の場合：正解だったかどうか。",
        "schema.record.first_try": "回答の場合：その問題への受講者の最初の回答かどうか。",
        "schema.record.score": "セルフチェックの得点（0〜1）。",
        "schema.record.comment": "受講者のコメント。メンターにのみ表示されます。",
        "schema.record.kept": "意図的に残したエクスポートの列（--keep）：列名と値。",
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
    """90 → "1 h 30", 45 → "45 min", 120 → "2 h"; in Chinese "1 小时 30 分钟", in Japanese "1時間30分"."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("curriculum.minutes", minutes=rest)
    if not rest:
        return t("curriculum.hours", hours=hours)
    return t("curriculum.hours_minutes", hours=hours, minutes=rest)


def format_date(date: dt.date, t: Translator) -> str:
    """A calendar date in the language's own order: 2026-11-26 in English and French (ISO, unambiguous in both),
    2026年11月26日 in Chinese and Japanese. Table-driven: a language brings its convention with its strings."""
    return t("curriculum.date", year=date.year, month=date.month, day=date.day)


def format_month(year: int, month: int, t: Translator) -> str:
    """A month heading of the agenda: "November 2026", "novembre 2026", "2026年11月"."""
    return t("sessions.month_heading", year=year, month=t("sessions.months").split(",")[month - 1])
