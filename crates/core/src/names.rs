//! Azure naming rules (azure-facts §8). Each check returns the specific reason a name is
//! refused, saying what is wrong and what is allowed.

use std::fmt;

/// Problems shared by every name: empty, surrounding whitespace, length.
/// `allowed` is only written out in a refusal: valid names (every row of a long list, on every
/// keystroke) cost no formatting.
fn common(
    value: &str,
    what: &str,
    min: usize,
    max: usize,
    allowed: &dyn fmt::Display,
) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("Enter the {what}. Allowed: {allowed}."));
    }
    if value.trim() != value {
        return Err(format!(
            "The {what} starts or ends with a space: remove it."
        ));
    }
    let length = value.chars().count();
    if length < min {
        return Err(format!(
            "The {what} is too short ({}): it needs {min} to {max}.",
            characters(length)
        ));
    }
    if length > max {
        return Err(format!(
            "The {what} is too long ({}): at most {max}.",
            characters(length)
        ));
    }
    Ok(())
}

/// "1 character", "5 characters".
fn characters(count: usize) -> String {
    if count == 1 {
        "1 character".to_owned()
    } else {
        format!("{count} characters")
    }
}

fn describe(c: char) -> String {
    if c.is_whitespace() {
        "spaces".to_owned()
    } else if !c.is_ascii() {
        format!("non-ASCII characters such as '{c}'")
    } else {
        format!("'{c}'")
    }
}

fn first_forbidden(value: &str, allowed: impl Fn(char) -> bool) -> Option<char> {
    value.chars().find(|c| !allowed(*c))
}

/// 8-4-4-4-12 hexadecimal digits.
pub fn is_guid(text: &str) -> bool {
    // Hyphens at these byte offsets, hexadecimal digits everywhere else (no allocation: every
    // subnet row is checked on every keystroke).
    text.len() == 36
        && text.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Subscription ID: a GUID `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (hexadecimal).
pub fn check_guid(value: &str, what: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!(
            "Enter the {what}: a GUID like 00000000-0000-0000-0000-000000000000."
        ));
    }
    if value.trim() != value {
        return Err(format!(
            "The {what} starts or ends with a space: remove it."
        ));
    }
    if !is_guid(value) {
        return Err(format!(
            "The {what} is not a valid GUID: expected 8-4-4-4-12 hexadecimal digits, like 6f1c2a8e-4b7d-4e15-9a3c-2d8f0b7e5a91."
        ));
    }
    Ok(())
}

/// Resource group: 1–90; letters (Unicode letters too), digits, `_ - . ( )`; not ending with `.`.
pub fn check_resource_group(value: &str) -> Result<(), String> {
    const ALLOWED: &str = "letters (accented and other non-ASCII letters too), digits, underscores, hyphens, periods and parentheses, 1 to 90 characters, not ending with a period";
    common(value, "resource group name", 1, 90, &ALLOWED)?;
    if let Some(c) = first_forbidden(value, |c| c.is_alphanumeric() || "_-.()".contains(c)) {
        // Non-ASCII letters are allowed here, so name the character itself, not its script.
        let what = if c.is_whitespace() {
            "spaces".to_owned()
        } else {
            format!("'{c}'")
        };
        return Err(format!(
            "The resource group name contains {what}: allowed are {ALLOWED}."
        ));
    }
    if value.ends_with('.') {
        return Err(
            "The resource group name ends with a period, which Azure does not allow.".into(),
        );
    }
    Ok(())
}

/// Cognitive Services account: 2–64; letters, digits, hyphens (ARM also takes `_` and `.`);
/// starts and ends with a letter or digit.
pub fn check_cognitive_account(value: &str) -> Result<(), String> {
    const ALLOWED: &str = "ASCII letters, digits and hyphens (Azure also accepts underscores and periods), 2 to 64 characters, starting and ending with a letter or digit";
    common(value, "account name", 2, 64, &ALLOWED)?;
    if let Some(c) = first_forbidden(value, |c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
        return Err(format!(
            "The account name contains {}: allowed are {ALLOWED}.",
            describe(c)
        ));
    }
    if !value.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("The account name must start with a letter or digit.".into());
    }
    if !value.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("The account name must end with a letter or digit.".into());
    }
    Ok(())
}

/// AI Studio / Azure ML hub workspace: `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`.
pub fn check_ml_workspace(value: &str) -> Result<(), String> {
    const ALLOWED: &str = "ASCII letters, digits, underscores and hyphens, 3 to 33 characters, starting with a letter or digit";
    common(value, "workspace name", 3, 33, &ALLOWED)?;
    if let Some(c) = first_forbidden(value, |c| c.is_ascii_alphanumeric() || "-_".contains(c)) {
        return Err(format!(
            "The workspace name contains {}: allowed are {ALLOWED}.",
            describe(c)
        ));
    }
    if !value.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("The workspace name must start with a letter or digit.".into());
    }
    Ok(())
}

/// Storage account: 3–24 lowercase letters and digits (globally unique).
pub fn check_storage_account(value: &str) -> Result<(), String> {
    const ALLOWED: &str = "lowercase letters and digits only, 3 to 24 characters";
    common(value, "storage account name", 3, 24, &ALLOWED)?;
    if value.chars().any(|c| c.is_ascii_uppercase())
        && value.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return Err(format!(
            "Storage account names are lowercase: \"{}\", not \"{value}\".",
            value.to_ascii_lowercase()
        ));
    }
    if let Some(c) = first_forbidden(value, |c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
        return Err(format!(
            "The storage account name contains {}: allowed are {ALLOWED} (no hyphens, underscores or periods).",
            describe(c)
        ));
    }
    Ok(())
}

/// Media Services account: 3–24 lowercase letters and digits.
pub fn check_media_account(value: &str) -> Result<(), String> {
    const ALLOWED: &str = "lowercase letters and digits only, 3 to 24 characters";
    common(value, "Media Services account name", 3, 24, &ALLOWED)?;
    if let Some(c) = first_forbidden(value, |c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
        return Err(format!(
            "The Media Services account name contains {}: allowed are {ALLOWED}.",
            describe(c)
        ));
    }
    Ok(())
}

/// Virtual network (and private endpoint): 2–64; alphanumerics `_ . -`; starts with a letter or
/// digit; ends with a letter, digit or `_`.
pub fn check_vnet(value: &str) -> Result<(), String> {
    check_network_name(value, "virtual network name", 2, 64)
}

/// Subnet (and DNS link): 1–80, same characters as a virtual network.
pub fn check_subnet(value: &str) -> Result<(), String> {
    check_network_name(value, "subnet name", 1, 80)
}

/// What a virtual network's, a subnet's or a DNS link's name may be, written out only when a
/// refusal says it.
struct NetworkNameRule {
    min: usize,
    max: usize,
}

impl fmt::Display for NetworkNameRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let NetworkNameRule { min, max } = self;
        write!(f, "ASCII letters, digits, underscores, periods and hyphens, {min} to {max} characters, starting with a letter or digit and ending with a letter, digit or underscore")
    }
}

fn check_network_name(value: &str, what: &str, min: usize, max: usize) -> Result<(), String> {
    let allowed = NetworkNameRule { min, max };
    common(value, what, min, max, &allowed)?;
    if let Some(c) = first_forbidden(value, |c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
        return Err(format!(
            "The {what} contains {}: allowed are {allowed}.",
            describe(c)
        ));
    }
    if !value.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(format!("The {what} must start with a letter or digit."));
    }
    if !value.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!(
            "The {what} must end with a letter, digit or underscore."
        ));
    }
    Ok(())
}

/// Region: the programmatic name, lowercase letters and digits (`westeurope`, not `West Europe`).
pub fn check_region(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("Enter the region, e.g. westeurope.".into());
    }
    if value.trim() != value {
        return Err("The region starts or ends with a space: remove it.".into());
    }
    if let Some(c) = value.chars().find(|c| !c.is_ascii()) {
        return Err(format!(
            "The region contains '{c}': use its programmatic name, lowercase ASCII letters and digits only, e.g. westeurope."
        ));
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        let suggestion: String = value
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        return Err(format!(
            "Use the region's programmatic name: lowercase letters and digits only, e.g. \"{suggestion}\"."
        ));
    }
    Ok(())
}

/// The programmatic name a region typed as people write it certainly means ("West Europe",
/// " westeurope "), when `known` lists it.
pub fn region_repaired(value: &str, known: &[&str]) -> Option<String> {
    let name: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    (name != value && known.contains(&name.as_str())).then_some(name)
}

/// Custom subdomain: letters, digits and hyphens; 2–63 (ARM says 64, but a DNS label holds at
/// most 63 characters and the subdomain becomes one); no hyphen first or last.
pub fn check_custom_subdomain(value: &str) -> Result<(), String> {
    const ALLOWED: &str = "ASCII letters, digits and hyphens, 2 to 63 characters, not starting or ending with a hyphen";
    if value.is_empty() {
        return Err(format!("Enter the custom subdomain. Allowed: {ALLOWED}."));
    }
    if value.trim() != value {
        return Err("The custom subdomain starts or ends with a space: remove it.".into());
    }
    if let Some(c) = first_forbidden(value, |c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(format!(
            "The custom subdomain contains {}: allowed are {ALLOWED}.",
            describe(c)
        ));
    }
    let length = value.len();
    if length < 2 {
        return Err(format!(
            "The custom subdomain is too short ({}): it needs 2 to 63.",
            characters(length)
        ));
    }
    if length > 63 {
        return Err(format!(
            "The custom subdomain is too long ({length} characters): at most 63, because it becomes a DNS label."
        ));
    }
    if value.starts_with('-') || value.ends_with('-') {
        return Err("The custom subdomain must not start or end with a hyphen.".into());
    }
    Ok(())
}

/// Private endpoint: 2–64, same characters as a virtual network.
pub fn check_private_endpoint(value: &str) -> Result<(), String> {
    check_network_name(value, "private endpoint name", 2, 64)
}

/// Private link connection: 1–80, same characters as a subnet.
pub fn check_connection_name(value: &str) -> Result<(), String> {
    check_network_name(value, "connection name", 1, 80)
}

/// A key vault's, container registry's, search service's or private DNS zone's name: the
/// characters every network name here allows, at most 253 (Azure's own rules for these are
/// narrower, and it refuses the rest; what matters here is that the name stays one path segment
/// and one word). The message stands at the ID's field, which says the type: "the name" is
/// enough, and one rule for the four keeps the wizard's download small.
pub fn check_resource_name(value: &str) -> Result<(), String> {
    check_network_name(value, "name", 1, 253)
}
