DROP TABLE hardware_marks;
DROP TABLE known_issue_tickets;
DROP TABLE known_issues;
DROP TABLE wb_report_devices;
DROP TABLE wb_reports;
