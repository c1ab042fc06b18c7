//! Storage account resource IDs:
//! `/subscriptions/{guid}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{name}`.
//! People paste these from the portal, so the parser names each mistake and, where it can tell
//! what was meant, offers the corrected ID.

use std::fmt;

use super::names;

pub const SHAPE: &str = "/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<account name>";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageAccountId {
    /// Lowercase GUID.
    pub subscription_id: String,
    pub resource_group: String,
    /// Lowercase: storage account names are.
    pub name: String,
}

/// Why a typed ID is refused, and the corrected ID when the mistake is unambiguous.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdProblem {
    pub message: String,
    /// (button label, corrected text)
    pub fix: Option<(&'static str, String)>,
}

impl IdProblem {
    fn new(message: impl Into<String>) -> Self {
        IdProblem {
            message: message.into(),
            fix: None,
        }
    }
    fn fixed(message: impl Into<String>, label: &'static str, corrected: String) -> Self {
        IdProblem {
            message: message.into(),
            fix: Some((label, corrected)),
        }
    }
}

impl StorageAccountId {
    /// Builds one from separately typed parts, naming the first bad part.
    pub fn from_parts(
        subscription_id: &str,
        resource_group: &str,
        name: &str,
    ) -> Result<Self, (&'static str, String)> {
        names::check_guid(subscription_id, "storage account's subscription ID")
            .map_err(|e| ("subscription_id", e))?;
        names::check_resource_group(resource_group).map_err(|e| ("resource_group", e))?;
        names::check_storage_account(name).map_err(|e| ("account_name", e))?;
        Ok(StorageAccountId {
            subscription_id: subscription_id.to_ascii_lowercase(),
            resource_group: resource_group.into(),
            name: name.into(),
        })
    }

    /// Parses a full resource ID. Segment names compare case-insensitively (ARM itself answers
    /// `resourcegroups`); the result is written the canonical way.
    pub fn parse(text: &str) -> Result<Self, IdProblem> {
        if text.is_empty() {
            return Err(IdProblem::new(format!(
                "Enter the storage account's resource ID: {SHAPE}. The portal shows it on the storage account's Endpoints page (\"Storage account resource ID\")."
            )));
        }
        if text.chars().any(char::is_whitespace) {
            let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let message = if text.trim() == text {
                "The storage account ID contains spaces or line breaks: remove them."
            } else {
                "The storage account ID starts or ends with a space: remove it."
            };
            return Err(IdProblem::fixed(message, "Remove the spaces", cleaned));
        }
        let lower = text.to_ascii_lowercase();
        if !text.starts_with('/') {
            return Err(not_rooted(text, &lower));
        }
        let trimmed = text.trim_end_matches('/');
        // Only a complete ID with a slash after it: `…/storageAccounts/` lacks the name.
        if trimmed != text && trimmed.split('/').count() >= 9 {
            return Err(IdProblem::fixed(
                "The storage account ID ends with a slash: remove it.",
                "Remove the slash",
                trimmed.to_owned(),
            ));
        }
        let parts: Vec<&str> = text.split('/').collect();
        check_literals(&parts)?;
        const NAMES: [(usize, &str); 3] = [
            (2, "subscription ID"),
            (4, "resource group name"),
            (8, "storage account name"),
        ];
        for (index, what) in NAMES {
            if parts.get(index).is_some_and(|name| name.is_empty()) {
                return Err(IdProblem::new(format!(
                    "The storage account ID has no {what}: expected {SHAPE}."
                )));
            }
        }
        if parts.len() < 9 {
            return Err(IdProblem::new(format!(
                "The storage account ID is incomplete: expected {SHAPE}."
            )));
        }
        if parts.len() > 9 {
            return Err(IdProblem::fixed(
                format!(
                    "The ID goes on after the storage account name (\"/{}\"): BYOS needs the storage account itself, not a part of it.",
                    parts[9..].join("/")
                ),
                "Use the storage account's ID",
                parts[..9].join("/"),
            ));
        }
        let name = parts[8];
        if name.chars().any(|c| c.is_ascii_uppercase())
            && names::check_storage_account(&name.to_ascii_lowercase()).is_ok()
        {
            let mut corrected = parts.clone();
            let lowered = name.to_ascii_lowercase();
            corrected[8] = &lowered;
            return Err(IdProblem::fixed(
                format!("Storage account names are lowercase: \"{lowered}\", not \"{name}\"."),
                "Use lowercase",
                corrected.join("/"),
            ));
        }
        StorageAccountId::from_parts(parts[2], parts[4], name)
            .map_err(|(_, message)| IdProblem::new(message))
    }

    /// The storage account's subscription: role definitions are addressed under it.
    pub fn role_definition_id(&self, role_id: &str) -> String {
        format!(
            "/subscriptions/{}/providers/Microsoft.Authorization/roleDefinitions/{role_id}",
            self.subscription_id
        )
    }
}

/// Text that does not start with `/`: a portal address, a missing slash, or a bare name.
fn not_rooted(text: &str, lower: &str) -> IdProblem {
    let looks_like_web =
        lower.starts_with("http") || lower.contains("#@") || lower.contains("portal.azure");
    if let Some(at) = lower.find("/subscriptions/") {
        // The portal puts the resource ID in its address, followed by the open blade.
        let embedded: Vec<&str> = text[at..].split('/').take(9).collect();
        let fix = StorageAccountId::parse(&embedded.join("/"))
            .ok()
            .map(|id| ("Use the resource ID in it", id.to_string()));
        let message = if looks_like_web {
            "This is an Azure portal address, not a resource ID."
        } else {
            "The storage account ID must start with /subscriptions/."
        };
        let hint = if fix.is_some() {
            " The resource ID is inside it."
        } else {
            " Copy the storage account's resource ID from its Endpoints page instead."
        };
        return IdProblem {
            message: format!("{message}{hint}"),
            fix,
        };
    }
    if looks_like_web {
        return IdProblem::new(
            "This is a web address, not a resource ID: copy \"Storage account resource ID\" from the storage account's Endpoints page.",
        );
    }
    if lower.starts_with("subscriptions/") {
        return IdProblem::fixed(
            "The storage account ID must start with a slash: /subscriptions/…",
            "Add the slash",
            format!("/{text}"),
        );
    }
    if names::check_storage_account(text).is_ok() {
        return IdProblem::new(format!(
            "This looks like a storage account name only: enter its full resource ID ({SHAPE}), or choose to type the parts."
        ));
    }
    IdProblem::new(format!(
        "The storage account ID must start with /subscriptions/: expected {SHAPE}."
    ))
}

/// The fixed segments, each with its own message.
fn check_literals(parts: &[&str]) -> Result<(), IdProblem> {
    const LITERALS: [(usize, &str); 5] = [
        (1, "subscriptions"),
        (3, "resourceGroups"),
        (5, "providers"),
        (6, "Microsoft.Storage"),
        (7, "storageAccounts"),
    ];
    for (index, expected) in LITERALS {
        let Some(found) = parts.get(index) else {
            continue;
        };
        if found.is_empty() {
            return Err(IdProblem::new(format!(
                "The storage account ID has an empty segment (//) where \"{expected}\" belongs: expected {SHAPE}."
            )));
        }
        if found.eq_ignore_ascii_case(expected) {
            continue;
        }
        if index == 6 {
            if found.eq_ignore_ascii_case("Microsoft.ClassicStorage") {
                return Err(IdProblem::new(
                    "This is a classic storage account: BYOS needs an Azure Resource Manager storage account (Microsoft.Storage/storageAccounts).",
                ));
            }
            let kind = match parts.get(7) {
                Some(t) if !t.is_empty() => format!("{found}/{t}"),
                _ => (*found).to_owned(),
            };
            return Err(IdProblem::new(format!(
                "This is the ID of a {kind} resource, not of a storage account: BYOS needs a Microsoft.Storage/storageAccounts ID."
            )));
        }
        return Err(IdProblem::new(format!(
            "The storage account ID has \"{found}\" where \"{expected}\" belongs: expected {SHAPE}."
        )));
    }
    Ok(())
}

impl fmt::Display for StorageAccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Storage/storageAccounts/{}",
            self.subscription_id, self.resource_group, self.name
        )
    }
}
