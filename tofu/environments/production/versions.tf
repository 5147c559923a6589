terraform {
  required_version = "~> 1.11"

  # Exact versions; `tofu init` records their checksums in .terraform.lock.hcl.
  required_providers {
    talos = {
      source  = "siderolabs/talos"
      version = "0.11.0"
    }
    flux = {
      source  = "fluxcd/flux"
      version = "1.8.5"
    }
    github = {
      source  = "integrations/github"
      version = "6.13.0"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "4.2.1"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "3.2.1"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "3.0.2"
    }
  }

  # State lives in the S3-compatible object store on the NAS (MinIO or Ceph RGW).
  # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
  backend "s3" {
    bucket       = "wharf-tofu-state"
    key          = "production/terraform.tfstate"
    region       = "us-east-1"
    use_lockfile = true

    endpoints = {
      s3 = "https://s3.nas.wharf.example.com"
    }
    use_path_style = true

    # Not AWS: no STS, IAM, account id or instance metadata to ask.
    skip_credentials_validation = true
    skip_region_validation      = true
    skip_requesting_account_id  = true
    skip_metadata_api_check     = true
    skip_s3_checksum            = true
  }

  # Client-side encryption of state and plan files; the passphrase comes from
  # TF_VAR_state_passphrase (a CI secret). Never rename the key provider or
  # method below: encrypted files record these names (use a fallback block).
  encryption {
    key_provider "pbkdf2" "state" {
      passphrase = var.state_passphrase
    }

    method "aes_gcm" "state" {
      keys = key_provider.pbkdf2.state
    }

    state {
      method   = method.aes_gcm.state
      enforced = true
    }

    plan {
      method   = method.aes_gcm.state
      enforced = true
    }
  }
}
