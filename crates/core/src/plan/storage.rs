//! Bring your own storage: the steps after creation and their ARM requests (azure-facts §7).

use crate::json;
use serde_json::Value;

use super::{Action, ArmRequest, Step};
use crate::api_versions;
use crate::byos::{STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_CONTRIBUTOR_NAME};
use crate::config::{Config, Target, UserOwnedStorage};
use crate::current_state::CurrentState;
use crate::storage_account_id::StorageAccountId;
use crate::uuid_v5::{uuid_v5, NAMESPACE_URL};

/// Edit mark for the identity's object ID in REST bodies. ARM refuses it as a principal ID (not
/// a GUID), so a request sent without replacing it fails instead of doing anything.
pub const PRINCIPAL_ID: &str = "<EDIT: identity.principalId of the first GET of this step>";
/// Edit mark for the Entra tenant of the subscription (from the first GET of the REST file).
pub const TENANT_ID: &str = "<EDIT: the tenantId of the first GET of this file>";
/// Edit marks in the storage firewall body: a text where the spec wants a rule object.
const PASTE_STORAGE_IP_RULES: &str =
    "<EDIT: replace this text with the ipRules entries of the GET above, each followed by a comma>";
const PASTE_STORAGE_VNET_RULES: &str = "<EDIT: replace this text with the virtualNetworkRules entries of the GET above, each followed by a comma>";
const PASTE_STORAGE_ACCESS_RULES: &str = "<EDIT: replace this text with the resourceAccessRules entries of the GET above, each followed by a comma; delete the one below if the GET lists it>";

pub(super) fn creation_why(config: &Config) -> String {
    let target = &config.target;
    let domain = config.custom_domain.as_ref().map(|d| {
        format!(
            "A new account gets its custom subdomain at creation; clients will call {}.",
            target.cloud.custom_subdomain_endpoint(&d.subdomain)
        )
    });
    let storage = config.storage.as_ref().map(|byos| {
        format!(
            "It keeps its data in storage account {} (bring your own storage): that is only possible at creation, and it needs a system-assigned managed identity, created with it. The subscription must be approved for BYOS first.",
            byos.account.name
        )
    });
    match (domain, storage) {
        (Some(domain), Some(storage)) => format!("{domain} {storage}"),
        (Some(only), None) | (None, Some(only)) => only,
        (None, None) => "Network rules need an account to apply to.".into(),
    }
}

pub(super) fn push_storage_steps(byos: &UserOwnedStorage, steps: &mut Vec<Step>) {
    steps.push(Step {
        title: format!(
            "Give the account's identity {STORAGE_BLOB_DATA_CONTRIBUTOR_NAME} on storage account {}",
            byos.account.name
        ),
        why: "The account reads and writes its data with its own managed identity. The object ID and principal type are passed, so no directory lookup is needed; a just-created identity can take a few minutes to be known everywhere, so the assignment is retried meanwhile. Needs Owner or User Access Administrator on the storage account.".into(),
        irreversible: false,
        action: Action::AssignStorageRole {
            storage: byos.account.clone(),
        },
    });
    if byos.harden {
        steps.push(Step {
            title: format!("Harden storage account {} for speech-to-text", byos.account.name),
            why: "No shared-key and no anonymous blob access; the storage firewall lets the account in by a resource-instance rule and then denies everything else. The storage account's other network rules are kept. Text to speech and Custom Neural Voice need the storage account reachable from all networks: skip this step if you use them.".into(),
            irreversible: false,
            action: Action::HardenStorage {
                storage: byos.account.clone(),
            },
        });
    }
}

pub(super) fn push_storage_verification(byos: &UserOwnedStorage, steps: &mut Vec<Step>) {
    steps.push(Step {
        title: "Check the storage association and the role assignment".into(),
        why: "Reads back what the account reports as its user-owned storage and whether its identity holds the storage role, and says what it found.".into(),
        irreversible: false,
        action: Action::VerifyUserOwnedStorage {
            storage: byos.account.clone(),
        },
    });
}

pub(super) fn existing_account_note(storage: Option<&StorageAccountId>) -> String {
    match storage {
        None => "404: go on and create it. 200: it exists, skip the creation.".into(),
        Some(id) => format!(
            "404: go on and create it. 200: it exists: skip the creation only if properties.userOwnedStorage lists {id} and identity.type is SystemAssigned; otherwise stop (storage cannot be added to an existing account)."
        ),
    }
}

/// The storage account's region is only known at run time: read it before creating.
pub(super) fn location_check(target: &Target, storage: &StorageAccountId) -> ArmRequest {
    ArmRequest::new("GET", storage.to_string(), api_versions::STORAGE).note(format!(
        "Expect 200: the storage account must exist (404: stop). If its location is not {}, creating works, but the same region is recommended (lower latency; text to speech reaches the storage account over the public internet).",
        target.region
    ))
}

/// `identity` and `properties.userOwnedStorage` of the create body.
pub(super) fn add_user_owned_storage(body: &mut Value, storage: &StorageAccountId) {
    body["identity"] = json!({ "type": "SystemAssigned" });
    body["properties"]["userOwnedStorage"] = json!([{ "resourceId": storage.to_string() }]);
}

/// The role assignment's name: a UUID derived from the storage account, the account and the
/// role, so sending the PUT again addresses the same assignment. (The principal ID is not known
/// when this is generated; a system-assigned identity belongs to exactly one account.)
pub fn role_assignment_name(target: &Target, storage: &StorageAccountId) -> String {
    uuid_v5(
        &NAMESPACE_URL,
        &format!(
            "{}|{}|{STORAGE_BLOB_DATA_CONTRIBUTOR}",
            storage.to_string().to_ascii_lowercase(),
            target.resource_id().to_ascii_lowercase()
        ),
    )
}

fn role_assignment_path(target: &Target, storage: &StorageAccountId) -> String {
    format!(
        "{storage}/providers/Microsoft.Authorization/roleAssignments/{}",
        role_assignment_name(target, storage)
    )
}

/// The role assignments on the storage account, whatever their names: one a script or the
/// portal made (under a random name) counts as much as the plan's own.
fn role_assignments_list(storage: &StorageAccountId) -> ArmRequest {
    ArmRequest::new(
        "GET",
        format!("{storage}/providers/Microsoft.Authorization/roleAssignments"),
        api_versions::AUTHORIZATION,
    )
    .note(format!(
        "Lists the role assignments that apply to the storage account. One whose properties.scope is the storage account, roleDefinitionId ends with {STORAGE_BLOB_DATA_CONTRIBUTOR} and principalId is the account's identity means the role is assigned already (maybe under another name): skip the PUT."
    ))
}

fn account_get(target: &Target) -> ArmRequest {
    ArmRequest::new(
        "GET",
        target.resource_id(),
        api_versions::COGNITIVE_SERVICES,
    )
}

/// With the account's identity known (imported current state), the assignment is exact;
/// otherwise ARM refuses it until the principal ID is pasted.
pub(super) fn assign_role_requests(
    target: &Target,
    storage: &StorageAccountId,
    known_principal: Option<(&str, &CurrentState)>,
) -> Vec<ArmRequest> {
    let path = role_assignment_path(target, storage);
    let body = |principal: &str| {
        json!({
            "properties": {
                "roleDefinitionId": storage.role_definition_id(STORAGE_BLOB_DATA_CONTRIBUTOR),
                "principalId": principal,
                "principalType": "ServicePrincipal",
            }
        })
    };
    let put = ArmRequest::new("PUT", path.clone(), api_versions::AUTHORIZATION);
    let put = match known_principal {
        Some((principal, state)) => put.body(body(principal)).note(format!(
            "{STORAGE_BLOB_DATA_CONTRIBUTOR_NAME} for the account's identity {principal} (exact: {}). Needs Owner or User Access Administrator on the storage account. PrincipalNotFound right after the account was created: the identity is not known everywhere yet; wait a minute and send it again.",
            state.provenance()
        )),
        None => put.body(body(PRINCIPAL_ID)).refused_until_edited().note(format!(
            "{STORAGE_BLOB_DATA_CONTRIBUTOR_NAME} for the account's identity. Needs Owner or User Access Administrator on the storage account. PrincipalNotFound right after the account was created: the identity is not known everywhere yet; wait a minute and send it again. ARM refuses the <EDIT: …> text as a principal ID, so nothing happens if it was not replaced; importing the account's current settings fills it in."
        )),
    };
    vec![
        account_get(target).note(
            "identity.principalId is the account's managed identity. If it is empty, the account has no system-assigned identity: stop.",
        ),
        ArmRequest::new("GET", path, api_versions::AUTHORIZATION).note(
            "404: go on. 200 with the same principalId: the role is assigned already, skip the PUT.",
        ),
        role_assignments_list(storage),
        put,
    ]
}

pub(super) fn harden_requests(target: &Target, storage: &StorageAccountId) -> Vec<ArmRequest> {
    let path = storage.to_string();
    vec![
        ArmRequest::new("GET", path.clone(), api_versions::STORAGE).note(
            "Read properties.allowSharedKeyAccess, properties.allowBlobPublicAccess and the complete properties.networkAcls: its rules and bypass must be kept.",
        ),
        ArmRequest::new("PATCH", path.clone(), api_versions::STORAGE)
            .body(json!({ "properties": { "allowSharedKeyAccess": false, "allowBlobPublicAccess": false } }))
            .note("Skip when both are false already. Apps that use the storage account's keys (or SAS signed with them) stop working."),
        ArmRequest::new("PATCH", path, api_versions::STORAGE)
            .body(json!({ "properties": { "networkAcls": {
                "defaultAction": "Deny",
                "bypass": "<EDIT: the bypass of the GET above>",
                "ipRules": [PASTE_STORAGE_IP_RULES],
                "virtualNetworkRules": [PASTE_STORAGE_VNET_RULES],
                "resourceAccessRules": [PASTE_STORAGE_ACCESS_RULES, { "tenantId": TENANT_ID, "resourceId": target.resource_id() }],
            } } }))
            .refused_until_edited()
            .note("Skip when defaultAction is Deny already and resourceAccessRules lists the account. The storage account's rules are not known here, and this PATCH replaces networkAcls whole: edit every <EDIT: …> text with what the GET above returned under properties.networkAcls (and the tenantId of the subscription, from the first GET of this file)."),
    ]
}

pub(super) fn verify_requests(target: &Target, storage: &StorageAccountId) -> Vec<ArmRequest> {
    vec![
        account_get(target).note(format!(
            "properties.userOwnedStorage must list {storage} and identity.type must be SystemAssigned."
        )),
        role_assignments_list(storage).note(format!(
            "Lists the role assignments that apply to the storage account: the role is in place when one has scope {storage}, roleDefinitionId ending with {STORAGE_BLOB_DATA_CONTRIBUTOR} and principalId equal to the account's identity.principalId (whatever its name)."
        )),
    ]
}
