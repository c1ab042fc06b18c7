    $currentSubdomain = (Invoke-ArmRequest -Method 'GET' -Path $AccountPath).properties.customSubDomainName
    if ($currentSubdomain -ne $CustomSubdomain) {
        throw "The account exists with the custom subdomain '${currentSubdomain}', not '${CustomSubdomain}'. In the wizard, choose that the resource exists already."
    }
