//! The Storage (BYOS) step: only for a new account of a kind that supports it, a storage
//! account ID that names exactly one storage account, and the irreversibility acknowledged.

use crate::byos::{kind_supports_user_owned_storage, SUPPORTED_KINDS_LABEL};
use crate::config::UserOwnedStorage;
use crate::diagnostics::Diagnostic;
use crate::draft::{Draft, Existence, SubnetInput};
use crate::names;
use crate::resource_kinds::{kind_info, ResourceType};
use crate::storage_account_id::StorageAccountId;
use crate::storage_draft::StorageDraft;

pub(super) fn validate_storage(
    draft: &Draft,
    out: &mut Vec<Diagnostic>,
) -> Option<UserOwnedStorage> {
    let step = &draft.storage;
    if !step.enabled {
        return None;
    }
    let leave_out = |d: Diagnostic| d.with_fix("Leave this step out", vec!["false".to_owned()]);
    if draft.target.resource_type != ResourceType::CognitiveServices {
        out.push(leave_out(Diagnostic::error(
            "storage.enabled",
            format!("Bring your own storage is for Cognitive Services accounts ({SUPPORTED_KINDS_LABEL}) only: untick \"Include this step\" for this resource type."),
        )));
        return None;
    }
    let mut ok = true;
    if !kind_supports_user_owned_storage(&draft.target.kind) {
        let label = kind_info(&draft.target.kind).map_or(draft.target.kind.as_str(), |k| k.label);
        out.push(leave_out(Diagnostic::error(
            "storage.enabled",
            format!("{label} accounts cannot keep their data in your storage account: only {SUPPORTED_KINDS_LABEL} accounts can. Choose one of those kinds, or untick \"Include this step\"."),
        )));
        ok = false;
    }
    if draft.target.existence == Existence::Existing {
        out.push(leave_out(Diagnostic::error(
            "storage.enabled",
            "Bring your own storage is only possible when the resource is created: an existing resource can never start using your storage account. Switch the target to creating a new resource, or untick \"Include this step\".",
        )));
        ok = false;
    }
    let account = storage_account(step, &draft.target.subscription_id, out);
    ok &= region_checked(step, &draft.target.region, out);
    if step.harden {
        out.push(Diagnostic::warning(
            "storage.harden",
            "Text to speech and Custom Neural Voice need the storage account reachable from all networks: with this hardening they stop working. Shared-key access is switched off too, so apps that use the storage account's keys (or SAS signed with them) stop working. Use it for speech-to-text only.",
        ));
    }
    if !step.acknowledge_irreversible {
        out.push(Diagnostic::error(
            "storage.acknowledge_irreversible",
            "Tick the acknowledgement: the storage account can never be changed, and the resource can never stop using it.",
        ));
        ok = false;
    }
    let account = account?;
    ok.then_some(UserOwnedStorage {
        account,
        harden: step.harden,
    })
}

fn storage_account(
    step: &StorageDraft,
    target_subscription: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<StorageAccountId> {
    match step.input {
        SubnetInput::ResourceId => {
            let field = "storage.storage_account_id";
            match StorageAccountId::parse(&step.storage_account_id) {
                Ok(id) => {
                    let canonical = id.to_string();
                    if canonical != step.storage_account_id {
                        out.push(Diagnostic::info(
                            field,
                            format!("It will be written as {canonical}."),
                        ));
                    }
                    Some(id)
                }
                Err(problem) => {
                    let mut error = Diagnostic::error(field, problem.message);
                    if let Some((label, corrected)) = problem.fix {
                        error = error.with_fix(label, vec![corrected]);
                    }
                    out.push(error);
                    None
                }
            }
        }
        SubnetInput::Parts => {
            let subscription = if step.subscription_id.is_empty() {
                // The target's own subscription; its mistakes are reported on the Target step.
                if names::check_guid(target_subscription, "").is_err() {
                    return None;
                }
                target_subscription
            } else {
                &step.subscription_id
            };
            StorageAccountId::from_parts(subscription, &step.resource_group, &step.account_name)
                .map_err(|(part, message)| {
                    out.push(Diagnostic::error(format!("storage.{part}"), message));
                })
                .ok()
        }
    }
}

/// A typed storage region must be a region name; a different one than the resource's is
/// allowed but not recommended.
fn region_checked(step: &StorageDraft, target_region: &str, out: &mut Vec<Diagnostic>) -> bool {
    if step.region.is_empty() {
        return true;
    }
    if let Err(message) = names::check_region(&step.region) {
        out.push(Diagnostic::error("storage.region", message));
        return false;
    }
    if step.region != target_region && names::check_region(target_region).is_ok() {
        out.push(Diagnostic::warning(
            "storage.region",
            format!("The storage account is in {}, the resource in {target_region}. It works across regions, but the same region is recommended: it keeps latency low, and text to speech then reaches the storage account over the public internet.", step.region),
        ));
    }
    true
}
