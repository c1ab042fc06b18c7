//! The private endpoint steps of the three script outputs, filled once: the two az outputs
//! (bash, PowerShell) differ only in their quoting and template texts ([`AzShell`]); the Az
//! cmdlet output shares the fills whose slots are the same ([`create_zone`] and friends).

use crate::config::Resource;
use crate::json_text::compact;
use crate::plan::{
    hub_of_storage, hub_storage_remedy, hub_storage_unreachable, own_dns_lines, record_zones_json,
    Action, EndpointAction, Plan,
};
use crate::private_endpoints::config::{Approval, Endpoint, Removal, ZoneRef};
use crate::private_endpoints::LinkType;
use crate::render::subnet_tenant::subnet_tenant_check;
use crate::render::template::Template;
use crate::render::templates::{
    AttachZone, CreateEndpoint, CreateZone, DeleteEndpoint, DisableNetworkPolicies, LinkZone,
    SetResourcePublicAccess, ShowDnsRecords, SubnetTenantCheck,
};

pub(super) use crate::quote::Quote;

/// The template texts of the private endpoint steps for one az shell.
pub(super) struct AzTemplates {
    /// Put before the first command on a subnet in another tenant.
    pub subnet_tenant_check: Template<SubnetTenantCheck<'static>>,
    pub disable_network_policies: Template<DisableNetworkPolicies<'static>>,
    pub create_zone: Template<CreateZone<'static>>,
    pub link_zone: Template<LinkZone<'static>>,
    pub create_endpoint: Template<CreateEndpoint<'static>>,
    pub attach_zone: Template<AttachZone<'static>>,
    pub show_dns_records: Template<ShowDnsRecords<'static>>,
    pub delete_endpoint: Template<DeleteEndpoint<'static>>,
    pub set_resource_public_access: Template<SetResourcePublicAccess<'static>>,
}

/// How one shell writes the az private endpoint steps.
pub(super) struct AzShell {
    pub quote: Quote,
    /// The command that prints a line (`echo`, `Write-Host`).
    pub echo: &'static str,
    /// Appended for manual approval before the request message (empty when the template
    /// carries it).
    pub manual_request: &'static str,
    /// Put before the quoted request message on the command line; `None` when the template
    /// passes the message itself (`request_message` slot).
    pub request_message_option: Option<&'static str>,
    /// The checks before a closing write, in this shell (render/close_guard.rs).
    pub close_guard: fn(&Plan, &Action) -> String,
    /// How this shell's commands take the tags (`render::tags`).
    pub tags: crate::render::tags::TagOptions,
    pub templates: AzTemplates,
}

pub(super) fn az_step_body(shell: &AzShell, plan: &Plan, action: &EndpointAction) -> String {
    let q = shell.quote;
    let t = &shell.templates;
    match action {
        EndpointAction::DisableNetworkPolicies { subnet, tenant_id } => {
            subnet_tenant_check(t.subnet_tenant_check, q, subnet, tenant_id.as_deref())
                + &DisableNetworkPolicies {
                    subnet_id: &q(&subnet.to_string()),
                    subscription: "",
                    resource_group: "",
                    vnet: "",
                    subnet: "",
                    tenant: "",
                }
                .fill(t.disable_network_policies)
        }
        EndpointAction::CreateZone { zone } => {
            create_zone(t.create_zone, q, zone, shell.tags.of(plan).inline)
        }
        EndpointAction::LinkZone {
            zone,
            vnet_id,
            link_name,
        } => link_zone(
            t.link_zone,
            q,
            zone,
            vnet_id,
            link_name,
            shell.tags.of(plan).inline,
        ),
        EndpointAction::CreateEndpoint { endpoint } => {
            let tenant_id = endpoint.tenant_id.as_deref();
            subnet_tenant_check(t.subnet_tenant_check, q, &endpoint.subnet, tenant_id)
                + &az_create_endpoint(shell, plan, endpoint)
        }
        EndpointAction::AttachZoneGroup { endpoint } => endpoint
            .zones
            .iter()
            .map(|zone| {
                AttachZone {
                    zone_id: &q(&zone.id),
                    zone: &zone.name,
                    config_name: &q(&zone.config_name()),
                    subscription: &q(endpoint.subscription_id()),
                    resource_group: &q(&endpoint.resource_group),
                    name: &q(&endpoint.name),
                }
                .fill(t.attach_zone)
            })
            .collect(),
        EndpointAction::ShowDnsRecords { endpoint } => {
            show_dns_records(t.show_dns_records, q, shell.echo, plan, endpoint)
        }
        EndpointAction::ClientGuidance { lines } => client_guidance(shell.echo, q, lines),
        EndpointAction::DeleteEndpoint { removal } => {
            delete_endpoint(t.delete_endpoint, q, removal)
        }
        EndpointAction::CloseDependentPublicAccess {
            resource_id,
            link_type,
        } => {
            let close = t.set_resource_public_access;
            let guard = (shell.close_guard)(plan, &Action::PrivateEndpoint(action.clone()));
            dependent_public_access(close, q, plan, resource_id, *link_type, false, &guard)
        }
    }
}

/// Reads a resource's publicNetworkAccess by its ARM path (with api-version) and sets it unless
/// it has that value (the `set_resource_public_access` templates).
pub(super) fn resource_public_access(
    template: Template<SetResourcePublicAccess<'static>>,
    q: Quote,
    path: &str,
    value: &str,
    guard: &str,
) -> String {
    closing_public_access(template, q, path, value, guard, None)
}

/// Closes a hub's dependent resource; a hub's default storage first has its firewall checked
/// for the trusted-services exception or a resource-instance rule for the workspace (`cmdlet`:
/// the stop message names the Az cmdlet that adds the rule, not az).
pub(super) fn dependent_public_access(
    template: Template<SetResourcePublicAccess<'static>>,
    q: Quote,
    plan: &Plan,
    resource_id: &str,
    link_type: LinkType,
    cmdlet: bool,
    guard: &str,
) -> String {
    let (path, value) = EndpointAction::dependent_access(resource_id, link_type);
    let hub_id = hub_of_storage(plan.target(), link_type);
    let hub_storage = hub_id.as_deref().map(|hub_id| {
        let stop = format!(
            "{} To finish: {}, then run this script again (the endpoints made so far are kept).",
            hub_storage_unreachable(resource_id, hub_id),
            hub_storage_remedy(resource_id, hub_id, cmdlet)
        );
        (hub_id, stop)
    });
    let hub_storage = hub_storage.as_ref().map(|(id, stop)| (*id, stop.as_str()));
    closing_public_access(template, q, &path, value, guard, hub_storage)
}

/// `guard`: the checks before closing (render/close_guard.rs), empty when none.
/// `hub_storage`: the hub's ID and the message to stop with, when the resource is its storage.
fn closing_public_access(
    template: Template<SetResourcePublicAccess<'static>>,
    q: Quote,
    path: &str,
    value: &str,
    guard: &str,
    hub_storage: Option<(&str, &str)>,
) -> String {
    let body = compact(&crate::json!({ "properties": { "publicNetworkAccess": value } }));
    let (hub_id, stop) = hub_storage.unwrap_or_default();
    SetResourcePublicAccess {
        guarded: !guard.is_empty(),
        guard,
        url: &q(path),
        path: &q(path),
        value,
        quoted: &q(value),
        body: &q(&body),
        hub_storage: hub_storage.is_some(),
        hub_id: &q(hub_id),
        hub_storage_stop: &q(stop),
    }
    .fill(template)
}

/// Whether the endpoint is on the target account itself (its subdomain is then checked).
pub(super) fn on_own_account(plan: &Plan, endpoint: &Endpoint) -> bool {
    let target = plan.target();
    matches!(target.resource, Resource::CognitiveServices { .. })
        && endpoint
            .resource_id
            .eq_ignore_ascii_case(&target.resource_id())
}

fn az_create_endpoint(shell: &AzShell, plan: &Plan, endpoint: &Endpoint) -> String {
    let q = shell.quote;
    let message = match &endpoint.approval {
        Approval::Manual { request_message } if !request_message.is_empty() => {
            Some(request_message.as_str())
        }
        _ => None,
    };
    let manual = matches!(endpoint.approval, Approval::Manual { .. });
    let mut options = if manual {
        shell.manual_request.to_owned()
    } else {
        String::new()
    };
    if let (Some(message), Some(option)) = (message, shell.request_message_option) {
        options = format!("{options}{option}{}", q(message));
    }
    let list_command = format!(
        "    az network private-endpoint-connection list --id {} --query \"[?contains(properties.privateEndpoint.id, '/{}')].id\" --output tsv",
        // The printed command quotes like the executed ones: pasted, it runs as shown.
        q(&endpoint.resource_id),
        endpoint.name
    );
    CreateEndpoint {
        check_subdomain: on_own_account(plan, endpoint) && plan.config.custom_domain.is_none(),
        manual,
        manual_options: &options,
        has_request_message: message.is_some(),
        request_message: &q(message.unwrap_or_default()),
        list_command: &q(&list_command),
        subscription: &q(endpoint.subscription_id()),
        resource_group: &q(&endpoint.resource_group),
        name: &q(&endpoint.name),
        location: &q(&endpoint.location),
        subnet_id: &q(&endpoint.subnet.to_string()),
        vnet_id: &q(&endpoint.subnet.vnet_id()),
        resource_id: &q(&endpoint.resource_id),
        group_id: &q(&endpoint.group_id),
        connection: &q(&endpoint.connection_name),
        tags: shell.tags.of(plan).inline,
        tags_appended: shell.tags.of(plan).appended,
        // The Az cmdlet template's slots (render/az_module).
        by_manual_request: "",
        tenant: "",
        vnet_resource_group: "",
        vnet: "",
        subnet: "",
    }
    .fill(shell.templates.create_endpoint)
}

pub(super) fn create_zone(
    template: Template<CreateZone<'static>>,
    q: Quote,
    zone: &ZoneRef,
    tags: &str,
) -> String {
    CreateZone {
        subscription: &q(zone.subscription_id()),
        resource_group: &q(zone.resource_group()),
        zone: &q(&zone.name),
        tags,
    }
    .fill(template)
}

pub(super) fn link_zone(
    template: Template<LinkZone<'static>>,
    q: Quote,
    zone: &ZoneRef,
    vnet_id: &str,
    link_name: &str,
    tags: &str,
) -> String {
    LinkZone {
        subscription: &q(zone.subscription_id()),
        resource_group: &q(zone.resource_group()),
        zone: &q(&zone.name),
        link: &q(link_name),
        vnet_id: &q(vnet_id),
        tags,
    }
    .fill(template)
}

/// The endpoint's A records as they go in their privatelink zones, then what DNS servers of
/// the person's own need besides (the forwarders and why they are not enough alone).
pub(super) fn show_dns_records(
    template: Template<ShowDnsRecords<'static>>,
    q: Quote,
    echo: &str,
    plan: &Plan,
    endpoint: &Endpoint,
) -> String {
    let target = plan.target();
    let zones: Vec<&str> = endpoint.zones.iter().map(|z| z.name.as_str()).collect();
    ShowDnsRecords {
        zones: &zones.join(", "),
        record_zones: &q(&record_zones_json(target, endpoint)),
        subscription: &q(endpoint.subscription_id()),
        resource_group: &q(&endpoint.resource_group),
        name: &q(&endpoint.name),
    }
    .fill(template)
        + &client_guidance(echo, q, &own_dns_lines(target, endpoint))
}

pub(super) fn client_guidance(echo: &str, q: Quote, lines: &[String]) -> String {
    lines
        .iter()
        .map(|line| format!("{echo} {}\n", q(&format!("  {line}"))))
        .collect()
}

pub(super) fn delete_endpoint(
    template: Template<DeleteEndpoint<'static>>,
    q: Quote,
    removal: &Removal,
) -> String {
    DeleteEndpoint {
        zone_group: removal.delete_zone_group,
        subscription: &q(&removal.subscription_id),
        resource_group: &q(&removal.resource_group),
        name: &q(&removal.name),
    }
    .fill(template)
}
