//! `az ml workspace show` (snake_case, from the ML extension) and the REST GET of a workspace.
//! The wizard targets AI Studio hubs; their network settings are not among its steps, so only
//! the target is filled and the public network access is reported.

use serde_json::{Map, Value};

use super::{cloud_of, parse_resource_id, region_name, text_at, Imported, ShowSource};
use crate::diagnostics::Diagnostic;
use crate::draft::{CustomDomainDraft, Draft, Existence, NetworkDraft, TargetDraft};
use crate::resource_kinds::ResourceType;

const WORKSPACE_TYPE: &str = "Microsoft.MachineLearningServices/workspaces";

pub(super) fn is_workspace(object: &Map<String, Value>) -> bool {
    let id = object.get("id").and_then(Value::as_str).unwrap_or_default();
    let declared = object
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    declared.eq_ignore_ascii_case(WORKSPACE_TYPE)
        || parse_resource_id(id)
            .is_some_and(|id| id.resource_type.eq_ignore_ascii_case(WORKSPACE_TYPE))
}

pub(super) fn read_workspace(
    object: &Map<String, Value>,
    out: &mut Vec<Diagnostic>,
) -> Option<Imported> {
    let Some(id) = text_at(object, "id", "", out)
        .as_deref()
        .and_then(parse_resource_id)
    else {
        out.push(Diagnostic::error(
            "id",
            "The workspace's JSON has no resource ID: paste the whole output of az ml workspace show.",
        ));
        return None;
    };
    match text_at(object, "kind", "", out) {
        Some(kind) if kind.eq_ignore_ascii_case("hub") => {}
        Some(kind) => {
            out.push(Diagnostic::error(
                "kind",
                format!("This workspace is of kind {kind}: the wizard handles AI Studio hubs (kind Hub). A project's network follows its hub."),
            ));
            return None;
        }
        None => out.push(Diagnostic::warning(
            "kind",
            "The JSON does not say the workspace is a hub (no \"kind\"): the wizard assumes it is one.",
        )),
    }
    let region = region_name(&text_at(object, "location", "", out).unwrap_or_default());
    let properties = object.get("properties").and_then(Value::as_object);
    let public_access = text_at(object, "public_network_access", "", out)
        .or_else(|| properties.and_then(|p| text_at(p, "publicNetworkAccess", "properties", out)));
    if let Some(access) = public_access {
        out.push(Diagnostic::info(
            "public_network_access",
            format!("Public network access is {access}. A hub's own network settings are not among the wizard's steps: they are left as they are."),
        ));
    }
    let discovery = text_at(object, "discovery_url", "", out)
        .or_else(|| properties.and_then(|p| text_at(p, "discoveryUrl", "properties", out)));
    let draft = Draft {
        target: TargetDraft {
            cloud: cloud_of(discovery.as_deref(), &region),
            subscription_id: id.subscription_id,
            resource_group: id.resource_group,
            resource_type: ResourceType::MlHub,
            name: id.name,
            region,
            existence: Existence::Existing,
            ..TargetDraft::default()
        },
        custom_domain: CustomDomainDraft {
            enabled: false,
            ..CustomDomainDraft::default()
        },
        network: NetworkDraft {
            enabled: false,
            ..NetworkDraft::default()
        },
        ..Draft::default()
    };
    Some(Imported {
        draft,
        source: ShowSource::MlWorkspace,
        account_snapshot: None,
        endpoint_connections: Vec::new(),
        notes: Vec::new(),
    })
}
