"""Exports of the curriculum to the formats organisations already use: question banks (Moodle XML, GIFT) and
SCORM 1.2 packages. The question banks never import MkDocs; SCORM packaging builds the site with it."""
