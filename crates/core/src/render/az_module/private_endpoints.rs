//! Private endpoints and private DNS with Az cmdlets.

use crate::plan::{EndpointAction, Plan};
use crate::private_endpoints::config::{Approval, Endpoint};
use crate::quote::{powershell, powershell_array};
use crate::render::private_endpoint_steps::{
    client_guidance, create_zone, delete_endpoint, dependent_public_access, link_zone,
    on_own_account, show_dns_records,
};
use crate::render::template::{fill, Flag, Text};

fn tenant(tenant_id: Option<&str>) -> String {
    tenant_id
        .map(|t| format!(" -Tenant {}", powershell(t)))
        .unwrap_or_default()
}

pub(super) fn step_body(plan: &Plan, action: &EndpointAction) -> String {
    match action {
        EndpointAction::DisableNetworkPolicies { subnet, tenant_id } => fill(
            include_str!("templates/disable_network_policies.ps1"),
            &[
                Text("subscription", &powershell(&subnet.subscription_id)),
                Text("tenant", &tenant(tenant_id.as_deref())),
                Text("resource_group", &powershell(&subnet.resource_group)),
                Text("vnet", &powershell(&subnet.vnet)),
                Text("subnet", &powershell(&subnet.subnet)),
            ],
        ),
        EndpointAction::CreateZone { zone } => {
            create_zone(include_str!("templates/create_zone.ps1"), powershell, zone)
        }
        EndpointAction::LinkZone {
            zone,
            vnet_id,
            link_name,
        } => link_zone(
            include_str!("templates/link_zone.ps1"),
            powershell,
            zone,
            vnet_id,
            link_name,
        ),
        EndpointAction::CreateEndpoint { endpoint } => create_endpoint(plan, endpoint),
        EndpointAction::AttachZoneGroup { endpoint } => {
            let ids: Vec<String> = endpoint.zones.iter().map(|z| z.id.clone()).collect();
            fill(
                include_str!("templates/attach_zone_group.ps1"),
                &[
                    Text("zone_ids", &powershell_array(&ids)),
                    Text("subscription", &powershell(endpoint.subscription_id())),
                    Text("resource_group", &powershell(&endpoint.resource_group)),
                    Text("name", &powershell(&endpoint.name)),
                ],
            )
        }
        EndpointAction::ShowDnsRecords { endpoint } => show_dns_records(
            include_str!("templates/show_dns_records.ps1"),
            powershell,
            "Write-Host",
            plan,
            endpoint,
        ),
        EndpointAction::ClientGuidance { lines } => {
            client_guidance("Write-Host", powershell, lines)
        }
        EndpointAction::DeleteEndpoint { removal } => delete_endpoint(
            include_str!("templates/delete_endpoint.ps1"),
            powershell,
            removal,
        ),
        EndpointAction::CloseDependentPublicAccess {
            resource_id,
            link_type,
        } => dependent_public_access(
            include_str!("../powershell_shared/templates/set_resource_public_access.ps1"),
            powershell,
            plan,
            resource_id,
            *link_type,
            true,
            &crate::render::close_guard::powershell_guard(
                plan,
                &crate::plan::Action::PrivateEndpoint(action.clone()),
            ),
        ),
    }
}

fn create_endpoint(plan: &Plan, endpoint: &Endpoint) -> String {
    let (manual, request_message) = match &endpoint.approval {
        Approval::Automatic => (false, String::new()),
        Approval::Manual { request_message } if request_message.is_empty() => (true, String::new()),
        Approval::Manual { request_message } => (
            true,
            format!(" -RequestMessage {}", powershell(request_message)),
        ),
    };
    let list_command = format!(
        "    Get-AzPrivateEndpointConnection -PrivateLinkResourceId {} | Where-Object {{ $_.PrivateEndpoint.Id -like '*/{}' }} | Select-Object -ExpandProperty Id",
        powershell(&endpoint.resource_id),
        endpoint.name
    );
    fill(
        include_str!("templates/create_endpoint.ps1"),
        &[
            Flag(
                "check_subdomain",
                on_own_account(plan, endpoint) && plan.config.custom_domain.is_none(),
            ),
            Flag("manual", manual),
            Text(
                "by_manual_request",
                if manual { " -ByManualRequest" } else { "" },
            ),
            Text("request_message", &request_message),
            Text("list_command", &powershell(&list_command)),
            Text("subscription", &powershell(endpoint.subscription_id())),
            Text("tenant", &tenant(endpoint.tenant_id.as_deref())),
            Text("resource_group", &powershell(&endpoint.resource_group)),
            Text("name", &powershell(&endpoint.name)),
            Text("location", &powershell(&endpoint.location)),
            Text(
                "vnet_resource_group",
                &powershell(&endpoint.subnet.resource_group),
            ),
            Text("vnet", &powershell(&endpoint.subnet.vnet)),
            Text("subnet", &powershell(&endpoint.subnet.subnet)),
            Text("resource_id", &powershell(&endpoint.resource_id)),
            Text("group_id", &powershell(&endpoint.group_id)),
            Text("connection", &powershell(&endpoint.connection_name)),
        ],
    )
}
