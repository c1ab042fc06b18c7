//! The imported current state: readable, of this target, and consistent with the plan.

use crate::config::{CustomDomain, Target};
use crate::current_state::{validate_current_state, CurrentState};
use crate::diagnostics::Diagnostic;
use crate::draft::{Draft, Existence};

pub(super) fn validate(
    draft: &Draft,
    target: Option<&Target>,
    custom_domain: Option<&CustomDomain>,
    out: &mut Vec<Diagnostic>,
) -> Option<CurrentState> {
    let pasted = draft.current_state.as_ref()?;
    let target_id = target.map(Target::resource_id);
    let state = validate_current_state(pasted, target_id.as_deref(), out)?;
    let account = state.account.as_ref();
    if let (Some(account), Some(wanted)) = (account, custom_domain) {
        match &account.custom_sub_domain_name {
            Some(current) if !current.eq_ignore_ascii_case(&wanted.subdomain) => {
                out.push(Diagnostic::error(
                    "custom_domain.subdomain",
                    format!(
                        "The account already has the custom subdomain \"{current}\" (current settings {}); it can never be changed. Use \"{current}\" or leave this step out.",
                        state.provenance()
                    ),
                ));
            }
            _ => {}
        }
    }
    if account.is_some() && draft.target.existence == Existence::Create {
        out.push(Diagnostic::info(
            "target.existence",
            "The current settings show that the account exists: the REST requests only check it instead of creating it.",
        ));
    }
    Some(state)
}
