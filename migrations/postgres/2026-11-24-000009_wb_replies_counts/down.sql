DROP TABLE hardware_outcome_counts;
DROP TABLE known_issue_replies;
