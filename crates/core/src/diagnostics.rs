//! Errors are data: each message names the field it belongs to, so the UI can place it there.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// A one-click correction: replace the entry at `field` with these values (none: remove it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub label: String,
    pub replacement: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Dotted path of the field, e.g. `target.subscription_id` or `network.ip_rules.3`.
    pub field: String,
    pub severity: Severity,
    pub message: String,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn error(field: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            field: field.into(),
            severity: Severity::Error,
            message: message.into(),
            fix: None,
        }
    }
    pub fn warning(field: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            field: field.into(),
            severity: Severity::Warning,
            message: message.into(),
            fix: None,
        }
    }
    pub fn info(field: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            field: field.into(),
            severity: Severity::Info,
            message: message.into(),
            fix: None,
        }
    }
    pub fn with_fix(mut self, label: impl Into<String>, replacement: Vec<String>) -> Self {
        self.set_fix(label, replacement);
        self
    }
    /// [`Self::with_fix`] on a diagnostic already in the list.
    pub fn set_fix(&mut self, label: impl Into<String>, replacement: Vec<String>) {
        self.fix = Some(Fix {
            label: label.into(),
            replacement,
        });
    }
}

/// "1 error", "2 errors": the count the status line and the step badges say.
pub fn errors_phrase(n: usize) -> String {
    match n {
        1 => "1 error".to_owned(),
        n => format!("{n} errors"),
    }
}

/// The wizard step a field belongs to (its first path segment).
pub fn step_of_field(field: &str) -> &str {
    match field.split('.').next().unwrap_or(field) {
        // The imported current settings are pasted on the Review step.
        "current_state" => "review",
        step => step,
    }
}

/// The HTML id of a field's input: dots become dashes (`target.name` → `f-target-name`).
pub fn dom_id(field: &str) -> String {
    format!("f-{}", field.replace('.', "-"))
}

/// Which entry of a list a field belongs to, for people: `network.ip_rules.2` → "IP rule 3".
pub fn list_entry_label(field: &str) -> Option<String> {
    let mut parts = field.split('.');
    let (step, list, index) = (
        parts.next()?,
        parts.next()?,
        parts.next()?.parse::<usize>().ok()?,
    );
    let noun = match (step, list) {
        ("network", "ip_rules") => "IP rule",
        ("network", "vnet_rules") => "Subnet",
        ("network", "remove_ip_rules") => "IP rule to remove",
        ("network", "remove_vnet_rules") => "Subnet rule to remove",
        ("network", "endpoint_connections") => "Connection decision",
        ("target", "tags") => "Tag",
        _ => return None,
    };
    Some(format!("{noun} {}", index + 1))
}
