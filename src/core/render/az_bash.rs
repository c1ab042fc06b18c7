//! Azure CLI in bash.

use super::header::{hash_comment_block, header_lines, step_comment};
use super::RenderContext;
use crate::core::api_versions;
use crate::core::config::Resource;
use crate::core::plan::{bypass_name, default_action_name, public_access_name, Action, Plan};
use crate::core::quote::bash;

pub(super) fn render(plan: &Plan, context: &RenderContext) -> String {
    let target = plan.target();
    let is_account = matches!(target.resource, Resource::CognitiveServices { .. });
    let mut out = String::from("#!/usr/bin/env bash\n");
    out += &hash_comment_block(&header_lines(
        plan,
        context,
        &[
            "Azure CLI 2.61 or later, signed in: az login",
            "jq 1.6 or later",
            "bash 4.4 or later",
        ],
    ));
    out += "\nset -euo pipefail\nshopt -s inherit_errexit\n\n";
    out += "for tool in az jq; do\n  command -v \"$tool\" >/dev/null || { echo \"This script needs $tool.\" >&2; exit 1; }\ndone\n\n";

    out += "# Values (edit here, nowhere else)\n";
    out += &format!("CLOUD={}\n", bash(target.cloud.cli_name()));
    out += &format!("SUBSCRIPTION_ID={}\n", bash(&target.subscription_id));
    out += &format!("RESOURCE_GROUP={}\n", bash(&target.resource_group));
    let creating = plan
        .steps
        .iter()
        .any(|s| matches!(s.action, Action::CreateAccount { .. }));
    if creating {
        out += &format!("LOCATION={}\n", bash(&target.region));
    }
    match &target.resource {
        Resource::CognitiveServices { kind, sku, name } => {
            out += &format!("ACCOUNT_NAME={}\n", bash(name));
            out += &format!("ACCOUNT_KIND={}\n", bash(kind.id));
            if creating {
                out += &format!("SKU={}\n", bash(sku));
            }
        }
        Resource::MlHub { name } | Resource::MediaServices { name } => {
            out += &format!("RESOURCE_NAME={}\n", bash(name));
        }
    }
    if let Some(domain) = &plan.config.custom_domain {
        out += &format!("CUSTOM_SUBDOMAIN={}\n", bash(&domain.subdomain));
    }
    if is_account {
        out += &format!(
            "COGNITIVE_API_VERSION={}\n",
            bash(api_versions::COGNITIVE_SERVICES)
        );
        out += "ACCOUNT_URL=\"/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.CognitiveServices/accounts/${ACCOUNT_NAME}?api-version=${COGNITIVE_API_VERSION}\"\n";
        out += HELPERS;
    }

    for (index, step) in plan.steps.iter().enumerate() {
        let number = index + 1;
        out += "\n";
        out += &step_comment(number, step);
        out += &format!("echo {}\n", bash(&format!("Step {number}: {}", step.title)));
        out += &step_body(plan, &step.action);
    }
    out += "\necho 'Done.'\n";
    out
}

/// Shell functions shared by the account steps.
const HELPERS: &str = r#"
# Waits until the account's provisioning state is Succeeded (10 minutes at most).
wait_for_account() {
  local state attempt
  for attempt in $(seq 1 60); do
    state=$(az rest --method get --url "$ACCOUNT_URL" --query 'properties.provisioningState' --output tsv)
    case "$state" in
      Succeeded) return 0 ;;
      Failed | Canceled)
        echo "The account's provisioning state is ${state}." >&2
        return 1
        ;;
    esac
    echo "  waiting for the account (state: ${state}, check ${attempt}/60)..."
    sleep 10
  done
  echo 'The account did not reach Succeeded within 10 minutes.' >&2
  return 1
}

# Stops the script unless CUSTOM_SUBDOMAIN is free (a deleted account keeps it for 48 hours).
check_subdomain_available() {
  local body available
  body=$(jq -c -n --arg name "$CUSTOM_SUBDOMAIN" --arg kind "$ACCOUNT_KIND" \
    '{subdomainName: $name, type: "Microsoft.CognitiveServices/accounts", kind: $kind}')
  available=$(az rest --method post \
    --url "/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/checkDomainAvailability?api-version=${COGNITIVE_API_VERSION}" \
    --body "$body" --query 'isSubdomainAvailable' --output json)
  if [ "$available" != 'true' ]; then
    echo "The custom subdomain '${CUSTOM_SUBDOMAIN}' is not available: it is taken, or reserved by a recently deleted account. Choose another one." >&2
    exit 1
  fi
}

# Prints the account's complete networkAcls (an empty rule set when it has none).
# (The whole account is read: az prints nothing at all for a --query that selects null.)
read_network_acls() {
  az rest --method get --url "$ACCOUNT_URL" --output json |
    jq -c '.properties.networkAcls // {} | .defaultAction //= "Allow" | .ipRules //= [] | .virtualNetworkRules //= []'
}

# Writes a complete networkAcls object (never a partial one) and waits until it is applied.
write_network_acls() {
  local body
  body=$(jq -c -n --argjson acls "$1" '{properties: {networkAcls: $acls}}')
  az rest --method patch --url "$ACCOUNT_URL" --body "$body" --output none
  wait_for_account
}
"#;

fn step_body(plan: &Plan, action: &Action) -> String {
    let target = plan.target();
    match action {
        Action::SelectSubscription => "current_cloud=$(az cloud show --query name --output tsv)\n\
if [ \"$current_cloud\" != \"$CLOUD\" ]; then\n  \
echo \"The Azure CLI uses cloud ${current_cloud}. Run: az cloud set --name ${CLOUD} && az login\" >&2\n  \
exit 1\n\
fi\n\
az account set --subscription \"$SUBSCRIPTION_ID\"\n"
            .to_owned(),
        Action::VerifyResource => match &target.resource {
            Resource::CognitiveServices { .. } => "found_kind=$(az cognitiveservices account show --name \"$ACCOUNT_NAME\" --resource-group \"$RESOURCE_GROUP\" --query kind --output tsv)\n\
if [ \"$found_kind\" != \"$ACCOUNT_KIND\" ]; then\n  \
echo \"Warning: the account's kind is ${found_kind}, not ${ACCOUNT_KIND}.\" >&2\n\
fi\n"
                .to_owned(),
            Resource::MlHub { .. } | Resource::MediaServices { .. } => format!(
                "az resource show --resource-group \"$RESOURCE_GROUP\" --name \"$RESOURCE_NAME\" --resource-type {} --output none\n",
                bash(target.resource.resource_type().arm_type())
            ),
        },
        Action::CreateAccount { custom_subdomain, .. } => {
            let mut s = String::from(
                "group_exists=$(az group exists --name \"$RESOURCE_GROUP\")\n\
if [ \"$group_exists\" != 'true' ]; then\n  \
az group create --name \"$RESOURCE_GROUP\" --location \"$LOCATION\" --output none\n\
fi\n\
if az cognitiveservices account show --name \"$ACCOUNT_NAME\" --resource-group \"$RESOURCE_GROUP\" --output none 2>/dev/null; then\n  \
echo '  the account exists: skipping creation.'\n",
            );
            if custom_subdomain.is_some() {
                s += "  current_subdomain=$(az rest --method get --url \"$ACCOUNT_URL\" --query 'properties.customSubDomainName' --output tsv)\n  \
if [ \"${current_subdomain,,}\" != \"${CUSTOM_SUBDOMAIN,,}\" ]; then\n    \
echo \"The account exists with the custom subdomain '${current_subdomain:-(none)}', not '${CUSTOM_SUBDOMAIN}'. In the wizard, choose that the resource exists already.\" >&2\n    \
exit 1\n  \
fi\n";
            }
            s += "else\n";
            let domain_flag = if custom_subdomain.is_some() {
                s += "  check_subdomain_available\n";
                " --custom-domain \"$CUSTOM_SUBDOMAIN\""
            } else {
                ""
            };
            s += &format!(
                "  az cognitiveservices account create --name \"$ACCOUNT_NAME\" --resource-group \"$RESOURCE_GROUP\" \\\n    \
--location \"$LOCATION\" --kind \"$ACCOUNT_KIND\" --sku \"$SKU\"{domain_flag} --yes --output none\n  \
wait_for_account\n\
fi\n"
            );
            if custom_subdomain.is_some() {
                s += &endpoint_echo(plan);
            }
            s
        }
        Action::SetCustomSubdomain { .. } => {
            let mut s = String::from(
                "current_subdomain=$(az rest --method get --url \"$ACCOUNT_URL\" --query 'properties.customSubDomainName' --output tsv)\n\
if [ \"${current_subdomain,,}\" = \"${CUSTOM_SUBDOMAIN,,}\" ]; then\n  \
echo '  already set: skipping.'\n\
elif [ -n \"$current_subdomain\" ]; then\n  \
echo \"The account already has the custom subdomain '${current_subdomain}', which can never be changed.\" >&2\n  \
exit 1\n\
else\n  \
check_subdomain_available\n  \
az cognitiveservices account update --name \"$ACCOUNT_NAME\" --resource-group \"$RESOURCE_GROUP\" --custom-domain \"$CUSTOM_SUBDOMAIN\" --output none\n  \
wait_for_account\n\
fi\n",
            );
            s += &endpoint_echo(plan);
            s
        }
        Action::RegisterResourceProvider { subscription_id } => format!(
            "# Whoever runs this needs access to that subscription (sign in to its tenant too if it differs).\n\
az provider register --namespace Microsoft.CognitiveServices --subscription {} --wait\n",
            bash(subscription_id)
        ),
        Action::EnableServiceEndpoint { subnet, .. } => format!(
            "subnet_id={}\n\
endpoints=$(az network vnet subnet show --ids \"$subnet_id\" --query 'serviceEndpoints[].service' --output tsv)\n\
if grep -qx 'Microsoft.CognitiveServices' <<<\"$endpoints\"; then\n  \
echo '  already enabled: skipping.'\n\
else\n  \
# The update replaces the list: pass the existing endpoints along with the new one.\n  \
services=()\n  \
if [ -n \"$endpoints\" ]; then mapfile -t services <<<\"$endpoints\"; fi\n  \
az network vnet subnet update --ids \"$subnet_id\" --service-endpoints \"${{services[@]}}\" Microsoft.CognitiveServices --output none\n\
fi\n",
            bash(&subnet.to_string())
        ),
        Action::MergeNetworkRules { ip_rules, subnets, bypass } => {
            let ips: Vec<serde_json::Value> =
                ip_rules.iter().map(|r| serde_json::json!({ "value": r.to_string() })).collect();
            let vnets: Vec<serde_json::Value> = subnets.iter().map(|s| s.to_json()).collect();
            let (bypass_arg, bypass_filter) = match bypass.and_then(bypass_name) {
                Some(value) => (format!(" --arg bypass {}", bash(value)), "\n   | .bypass = $bypass"),
                None => (String::new(), ""),
            };
            format!(
                "wanted_ip_rules={}\n\
wanted_vnet_rules={}\n\
current_acls=$(read_network_acls)\n\
# Appends only the missing rules, keeping the existing ones and their order.\n\
desired_acls=$(jq -c --argjson ips \"$wanted_ip_rules\" --argjson subnets \"$wanted_vnet_rules\"{bypass_arg} \\\n  \
'reduce $ips[] as $rule (.; if any(.ipRules[]; .value == $rule.value) then . else .ipRules += [$rule] end)\n   \
| reduce $subnets[] as $rule (.; if any(.virtualNetworkRules[]; (.id | ascii_downcase) == ($rule.id | ascii_downcase)) then . else .virtualNetworkRules += [$rule] end){bypass_filter}' \\\n  \
<<<\"$current_acls\")\n\
if [ \"$desired_acls\" = \"$current_acls\" ]; then\n  \
echo '  all rules already present: skipping.'\n\
else\n  \
write_network_acls \"$desired_acls\"\n\
fi\n",
                bash(&serde_json::Value::Array(ips).to_string()),
                bash(&serde_json::Value::Array(vnets).to_string()),
            )
        }
        Action::SetDefaultAction { action } => {
            let value = default_action_name(*action);
            format!(
                "current_acls=$(read_network_acls)\n\
if [ \"$(jq -r '.defaultAction' <<<\"$current_acls\")\" = {q} ]; then\n  \
echo '  already {value}: skipping.'\n\
else\n  \
write_network_acls \"$(jq -c --arg action {q} '.defaultAction = $action' <<<\"$current_acls\")\"\n\
fi\n",
                q = bash(value)
            )
        }
        Action::SetPublicNetworkAccess { access } => {
            let value = public_access_name(*access);
            format!(
                "current_access=$(az rest --method get --url \"$ACCOUNT_URL\" --query 'properties.publicNetworkAccess' --output tsv)\n\
if [ \"${{current_access:-Enabled}}\" = {q} ]; then\n  \
echo '  already {value}: skipping.'\n\
else\n  \
az rest --method patch --url \"$ACCOUNT_URL\" --body {body} --output none\n  \
wait_for_account\n\
fi\n",
                q = bash(value),
                body = bash(&format!("{{\"properties\":{{\"publicNetworkAccess\":\"{value}\"}}}}"))
            )
        }
    }
}

fn endpoint_echo(plan: &Plan) -> String {
    format!(
        "echo \"  endpoint: https://${{CUSTOM_SUBDOMAIN}}.{}/\"\n",
        plan.target().cloud.cognitive_services_suffix()
    )
}
