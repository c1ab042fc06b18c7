//! A pasted ARM access token, read locally: who it is for, which tenant, which audience and
//! until when. Nothing here keeps or sends it; the caller holds it in memory only.

use serde_json::Value;

use super::endpoint::ArmEndpoint;
use wizard_core::cloud::Cloud;
use wizard_core::json_text;
use wizard_core::share_link::base64url;

/// What the token says, for the panel beside the field.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenInfo {
    /// `tid`.
    pub tenant: Option<String>,
    /// The user (`upn`, `unique_name`, `email`) or the application (`appid`, `azp`), and the
    /// object ID (`oid`) when present.
    pub subject: String,
    /// `aud`.
    pub audience: String,
    /// `exp`, seconds since 1970.
    pub expires_at: u64,
}

impl TokenInfo {
    /// Seconds left at `now` (0 once expired).
    pub fn seconds_left(&self, now: u64) -> u64 {
        self.expires_at.saturating_sub(now)
    }
}

/// The resource a token for this cloud's Resource Manager is requested for.
pub fn resource_url(cloud: Cloud) -> String {
    format!("{}/", cloud.arm_endpoint())
}

/// The two commands that print a token for this cloud, one per line.
pub fn token_commands(cloud: Cloud) -> String {
    commands(cloud, None)
}

/// The two commands that print a token of Entra tenant `tenant` for this cloud, one per line.
pub fn tenant_token_commands(cloud: Cloud, tenant: &str) -> String {
    commands(cloud, Some(tenant))
}

fn commands(cloud: Cloud, tenant: Option<&str>) -> String {
    let [az, ps] = token_command_pair(cloud, tenant);
    format!("Azure CLI: {az}\nAzure PowerShell: {ps}")
}

/// The Azure CLI and the Azure PowerShell command that print a token for this cloud (of Entra
/// tenant `tenant` when given), each ready to copy. The PowerShell one asks for a SecureString
/// (what Az.Accounts 5 and later return anyway) and unwraps it with .NET, which works in
/// Windows PowerShell 5.1 as in PowerShell 7 (`ConvertFrom-SecureString -AsPlainText` is 7 only).
pub fn token_command_pair(cloud: Cloud, tenant: Option<&str>) -> [String; 2] {
    let resource = resource_url(cloud);
    let (az, ps) = match tenant {
        Some(tenant) => (
            format!(" --tenant {tenant}"),
            format!(" -TenantId {tenant}"),
        ),
        None => (String::new(), String::new()),
    };
    [
        format!("az account get-access-token{az} --resource {resource} --query accessToken --output tsv"),
        format!("[System.Net.NetworkCredential]::new('', (Get-AzAccessToken{ps} -ResourceUrl {resource} -AsSecureString).Token).Password"),
    ]
}

/// The Entra tenant (`tid`) a token was issued by, read without any other check; `None` when
/// the text is not a JWT or has no `tid`.
pub fn token_tenant(text: &str) -> Option<String> {
    claims(text)?
        .get("tid")
        .and_then(Value::as_str)
        .map(|tid| tid.trim().to_owned())
        .filter(|tid| !tid.is_empty())
}

/// Whether two tenant IDs are the same (GUIDs compare case-insensitively).
pub fn same_tenant(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The token itself from what was pasted: surrounding spaces and one leading `Bearer ` (any
/// case, any spaces or tabs after it) removed. `None` unless what is left is a JWT: three base64url
/// parts separated by two dots, nothing else (so a doubled prefix, quotes or a header line are
/// refused, not sent).
pub fn bare_jwt(text: &str) -> Option<&str> {
    let text = text.trim();
    let token = match (text.get(..6), text.get(6..)) {
        (Some(prefix), Some(rest))
            if prefix.eq_ignore_ascii_case("bearer") && rest.starts_with(char::is_whitespace) =>
        {
            rest.trim_start()
        }
        _ => text,
    };
    is_jwt(token).then_some(token)
}

/// Three non-empty base64url parts separated by two dots (every real token is signed, so the
/// signature is not empty either).
pub fn is_jwt(token: &str) -> bool {
    let base64url = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let mut parts = token.split('.');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(a), Some(b), Some(c), None) if base64url(a) && base64url(b) && base64url(c)
    )
}

/// The claims of a JWT as pasted (with or without `Bearer `), unverified.
fn claims(text: &str) -> Option<Value> {
    let token = bare_jwt(text)?;
    let payload = token.split('.').nth(1)?;
    base64url::decode(payload)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| json_text::parse(&text).ok())
        .filter(Value::is_object)
}

/// The token's `aud`, unverified (empty when it has none).
pub fn audience_of(token: &str) -> String {
    claims(token)
        .and_then(|c| c.get("aud").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_default()
}

/// Reads the token. With a custom endpoint (a test server on this machine) set, only a token
/// minted for that endpoint is accepted, never one for a Microsoft cloud. Every refusal ends
/// with the commands that print a right one for `cloud`.
pub fn read_token(
    text: &str,
    cloud: Cloud,
    custom_endpoint: Option<&str>,
    now: u64,
) -> Result<TokenInfo, String> {
    let refuse = |problem: String| format!("{problem}\n{}", token_commands(cloud));
    let Some(claims) = claims(text) else {
        return Err(refuse("This is not an access token: a token is three base64url parts separated by dots (a JWT), as the commands below print it. Paste the token alone (a leading \"Bearer \" is fine).".into()));
    };
    let text_claim = |name: &str| claims.get(name).and_then(Value::as_str).map(str::to_owned);
    let audience = text_claim("aud").unwrap_or_default();
    let endpoint = ArmEndpoint::new(cloud, custom_endpoint);
    if !endpoint.accepts_audience(&audience) {
        let shown = if audience.is_empty() {
            "no audience".to_owned()
        } else {
            format!("audience {audience}")
        };
        return Err(match &endpoint {
            ArmEndpoint::Custom(base) => format!(
                "This token is for {shown}. This page talks to the test endpoint {base}, so it accepts only a token minted for it (audience {}), never a token for Azure. Use \"Back to Azure\" above to use a token for Azure.",
                endpoint.audience()
            ),
            ArmEndpoint::Cloud(_) => refuse(format!(
                "This token is for {shown}, not for the Resource Manager of {} ({}): ARM would refuse it.",
                cloud.label(),
                resource_url(cloud)
            )),
        });
    }
    let Some(expires_at) = claims.get("exp").and_then(Value::as_u64) else {
        return Err(refuse(
            "This token has no expiry time (exp): it is not an Entra ID access token.".into(),
        ));
    };
    if expires_at <= now {
        let minutes = (now - expires_at).div_ceil(60);
        return Err(refuse(format!(
            "This token expired {minutes} minute{} ago. Get a new one.",
            if minutes == 1 { "" } else { "s" }
        )));
    }
    let user = ["upn", "unique_name", "email"]
        .iter()
        .find_map(|c| text_claim(c));
    let app = ["appid", "azp"].iter().find_map(|c| text_claim(c));
    let mut subject = match (user, app) {
        (Some(user), _) => format!("user {user}"),
        (None, Some(app)) => format!("application {app}"),
        (None, None) => "an unnamed identity".to_owned(),
    };
    if let Some(oid) = text_claim("oid") {
        subject += &format!(" (object ID {oid})");
    }
    Ok(TokenInfo {
        tenant: text_claim("tid"),
        subject,
        audience,
        expires_at,
    })
}
