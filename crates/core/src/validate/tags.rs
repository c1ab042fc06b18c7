//! Tags for what the plan creates: `name=value` per line, with Azure's limits and what the
//! scripts can pass intact (az from Windows PowerShell 5.1 drops double quotes).

use crate::config::Tag;
use crate::diagnostics::Diagnostic;
use crate::draft::{Draft, Existence};

/// Azure's limit per resource.
const MAX_TAGS: usize = 50;
const MAX_NAME: usize = 512;
const MAX_VALUE: usize = 256;

pub(super) fn validate_tags(draft: &Draft, out: &mut Vec<Diagnostic>) -> Vec<Tag> {
    let mut tags: Vec<Tag> = Vec::new();
    let mut lines_of: Vec<usize> = Vec::new();
    let endpoints =
        draft.private_endpoints.enabled && !draft.private_endpoints.endpoints.is_empty();
    for (index, line) in draft.target.tags.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let field = format!("target.tags.{index}");
        let Some((name, value)) = line.split_once('=') else {
            out.push(Diagnostic::error(
                field,
                "Write a tag as name=value (the value may be empty: name=).",
            ));
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        if let Err(message) = check_name(name).and_then(|()| check_value(value)) {
            out.push(Diagnostic::error(field, message));
            continue;
        }
        if let Some(at) = tags.iter().position(|t| t.name.eq_ignore_ascii_case(name)) {
            out.push(Diagnostic::error(
                field,
                format!(
                    "A tag named {} is already on line {}: Azure compares tag names without case.",
                    tags[at].name,
                    lines_of[at] + 1
                ),
            ));
            continue;
        }
        if endpoints && !dns_safe(name) {
            out.push(Diagnostic::warning(
                field,
                "Private DNS zones and their links take tag names of letters and digits only, not starting with a digit: this tag may be refused or left out there.",
            ));
        }
        tags.push(Tag {
            name: name.to_owned(),
            value: value.to_owned(),
        });
        lines_of.push(index);
    }
    if tags.len() > MAX_TAGS {
        out.push(Diagnostic::error(
            "target.tags",
            format!(
                "{} tags: Azure takes at most {MAX_TAGS} on a resource.",
                tags.len()
            ),
        ));
    }
    if !tags.is_empty() && draft.target.existence == Existence::Existing && !endpoints {
        out.push(Diagnostic::info(
            "target.tags",
            "Tags go only on what the wizard creates (the account when it is created, private endpoints, private DNS zones and their links): this plan creates none, and existing resources keep their tags.",
        ));
    }
    tags
}

fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("A tag needs a name before the =.".into());
    }
    if let Some(c) = name.chars().find(|c| "<>%&\\?/".contains(*c)) {
        return Err(format!(
            "Tag names cannot contain {c} (nor any of < > % & \\ ? /)."
        ));
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("A tag name has at most {MAX_NAME} characters."));
    }
    quotes_pass(name)
}

fn check_value(value: &str) -> Result<(), String> {
    if value.chars().count() > MAX_VALUE {
        return Err(format!("A tag value has at most {MAX_VALUE} characters."));
    }
    if value.ends_with('\\') {
        return Err("A tag value cannot end with \\: Windows PowerShell 5.1 would pass it to az with the next quote escaped.".into());
    }
    quotes_pass(value)
}

/// Windows PowerShell 5.1 drops the double quotes inside an argument to a native program (az).
fn quotes_pass(text: &str) -> Result<(), String> {
    if text.contains('"') {
        return Err("Tags cannot contain double quotes here: Windows PowerShell 5.1 drops them on the way to az, so the tag would differ between the scripts.".into());
    }
    Ok(())
}

/// What Azure DNS documents for tag names on its zones: letters and digits, not first a digit.
fn dns_safe(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_alphanumeric())
        && !name.starts_with(|c: char| c.is_ascii_digit())
}
