//! Tags on what the plan creates, in the three scripts: one variable in the values block, and
//! an option each creating command appends (empty when the plan has no tags).

use crate::config::Tag;
use crate::plan::Plan;
use crate::quote::{bash, powershell};

/// How one script passes the tags: the option a command appends, and (for arrays of arguments
/// built before a call) what is appended to the array.
#[derive(Clone, Copy)]
pub(super) struct TagOptions {
    pub inline: &'static str,
    pub appended: &'static str,
}

/// The guarded expansion, as every array in the bash scripts (README: bash before 4.4).
pub(super) const BASH: TagOptions = TagOptions {
    inline: " ${TAG_OPTIONS[@]+\"${TAG_OPTIONS[@]}\"}",
    appended: "",
};

/// az from PowerShell: an array passed to a native program becomes one argument per element.
pub(super) const AZ_POWERSHELL: TagOptions = TagOptions {
    inline: " $TagOptions",
    appended: " + $TagOptions",
};

pub(super) const AZ_MODULE: TagOptions = TagOptions {
    inline: " -Tag $Tags",
    appended: "",
};

impl TagOptions {
    /// These options when the plan has tags, otherwise none.
    pub(super) fn of(self, plan: &Plan) -> TagOptions {
        if plan.creation_tags().is_empty() {
            TagOptions {
                inline: "",
                appended: "",
            }
        } else {
            self
        }
    }
}

/// `TAG_OPTIONS=(--tags 'name=value' …)`, or nothing.
pub(super) fn bash_variable(tags: &[Tag]) -> String {
    variable(tags, "TAG_OPTIONS=(--tags ", " ", ")", |t| {
        bash(&format!("{}={}", t.name, t.value))
    })
}

/// `$TagOptions = @('--tags', 'name=value', …)`, or nothing.
pub(super) fn az_powershell_variable(tags: &[Tag]) -> String {
    variable(tags, "$TagOptions = @('--tags', ", ", ", ")", |t| {
        powershell(&format!("{}={}", t.name, t.value))
    })
}

/// `$Tags = @{ 'name' = 'value'; … }`, or nothing.
pub(super) fn az_module_variable(tags: &[Tag]) -> String {
    variable(tags, "$Tags = @{ ", "; ", " }", |t| {
        format!("{} = {}", powershell(&t.name), powershell(&t.value))
    })
}

/// The values block's tags line: `open`, each tag as `item` writes it, joined by `separator`.
fn variable(
    tags: &[Tag],
    open: &str,
    separator: &str,
    close: &str,
    item: impl Fn(&Tag) -> String,
) -> String {
    if tags.is_empty() {
        return String::new();
    }
    let items: Vec<String> = tags.iter().map(item).collect();
    format!(
        "# Tags on what this script creates\n{open}{}{close}\n",
        items.join(separator)
    )
}
