# Plans the module with a mocked Talos provider (no machines needed) and checks
# the configuration each node would receive. Run: tofu init && tofu test

mock_provider "talos" {}

override_resource {
  target = talos_image_factory_schematic.this
  values = {
    id = "0000000000000000000000000000000000000000000000000000000000000000"
  }
}

override_data {
  target = data.talos_image_factory_urls.this
  values = {
    urls = {
      installer = "factory.talos.dev/metal-installer/0000:v1.13.4"
    }
  }
}

variables {
  cluster_name       = "wharf-test"
  api_vip            = "192.0.2.10"
  talos_version      = "v1.13.4"
  kubernetes_version = "1.34.3"
  nameservers        = ["192.0.2.2"]
  nodes = {
    cp-1 = {
      ip           = "192.0.2.11"
      role         = "controlplane"
      install_disk = "/dev/nvme0n1"
      interfaces = [
        { name = "eno1", addresses = ["192.0.2.11/24"], gateway = "192.0.2.1" },
      ]
    }
    worker-1 = {
      ip           = "192.0.2.21"
      role         = "worker"
      install_disk = "/dev/sda"
      interfaces = [
        { name = "eno1", addresses = ["192.0.2.21/24"], gateway = "192.0.2.1" },
        { name = "eno2", addresses = ["198.51.100.21/24"], mtu = 9000 },
      ]
    }
  }
}

run "control_plane_gets_vip_and_oidc" {
  command = plan

  assert {
    condition = anytrue([
      for p in talos_machine_configuration_apply.node["cp-1"].config_patches :
      try(yamldecode(p).kind == "Layer2VIPConfig" && yamldecode(p).name == "192.0.2.10" && yamldecode(p).link == "eno1", false)
    ])
    error_message = "cp-1 must carry the API VIP 192.0.2.10 on its first interface eno1."
  }

  assert {
    condition = yamldecode(data.talos_machine_configuration.controlplane.config_patches[0]).cluster.apiServer.extraArgs == {
      "oidc-issuer-url"      = "https://keycloak.wharf.example.com/realms/wharf"
      "oidc-client-id"       = "kubernetes"
      "oidc-username-claim"  = "preferred_username"
      "oidc-username-prefix" = "oidc:"
      "oidc-groups-claim"    = "groups"
      "oidc-groups-prefix"   = "oidc:"
    }
    error_message = "The API server must trust the wharf realm with client kubernetes and oidc: prefixes."
  }

  assert {
    condition     = output.cluster_endpoint == "https://192.0.2.10:6443"
    error_message = "The cluster endpoint must be the VIP on port 6443."
  }

  assert {
    condition     = talos_machine_bootstrap.this.node == "192.0.2.11"
    error_message = "The only control-plane node must run the bootstrap."
  }
}

run "every_node_leaves_cni_and_service_proxy_to_cilium" {
  command = plan

  assert {
    condition = anytrue([
      for p in data.talos_machine_configuration.controlplane.config_patches :
      try(yamldecode(p).cluster.network.cni.name == "none" && yamldecode(p).cluster.proxy.disabled == true, false)
    ])
    error_message = "Control-plane nodes must get no built-in CNI and no kube-proxy (Cilium replaces both)."
  }

  assert {
    condition = anytrue([
      for p in data.talos_machine_configuration.worker.config_patches :
      try(yamldecode(p).cluster.network.cni.name == "none" && yamldecode(p).cluster.proxy.disabled == true, false)
    ])
    error_message = "Workers must get no built-in CNI and no kube-proxy (Cilium replaces both)."
  }

  assert {
    condition = alltrue([
      for patches in [data.talos_machine_configuration.controlplane.config_patches, data.talos_machine_configuration.worker.config_patches] :
      anytrue([for p in patches : try(yamldecode(p).machine.features.kubePrism.enabled == true && yamldecode(p).machine.features.kubePrism.port == 7445, false)])
    ])
    error_message = "Every node must run KubePrism on port 7445, the API endpoint Cilium's values name (k8sServicePort)."
  }

  assert {
    condition     = data.talos_cluster_health.this.skip_kubernetes_checks == true
    error_message = "The health gate must not wait for Ready nodes: they become Ready only after Cilium, which is installed afterwards."
  }
}

run "worker_gets_its_own_network" {
  command = plan

  assert {
    condition = !anytrue([
      for p in talos_machine_configuration_apply.node["worker-1"].config_patches :
      try(yamldecode(p).kind == "Layer2VIPConfig", false)
    ])
    error_message = "Workers must not carry the API VIP."
  }

  assert {
    condition = anytrue([
      for p in talos_machine_configuration_apply.node["worker-1"].config_patches :
      try(yamldecode(p).kind == "HostnameConfig" && yamldecode(p).hostname == "worker-1" && yamldecode(p).auto == "off", false)
    ])
    error_message = "worker-1 must get the static hostname worker-1."
  }

  assert {
    condition = anytrue([
      for p in talos_machine_configuration_apply.node["worker-1"].config_patches :
      try(yamldecode(p).kind == "LinkConfig" && yamldecode(p).name == "eno2" && yamldecode(p).mtu == 9000 && !contains(keys(yamldecode(p)), "routes"), false)
    ])
    error_message = "eno2 of worker-1 must get MTU 9000 and no default route."
  }

  assert {
    condition = anytrue([
      for p in talos_machine_configuration_apply.node["worker-1"].config_patches :
      try(yamldecode(p).machine.install.disk == "/dev/sda" && yamldecode(p).machine.install.image == "factory.talos.dev/metal-installer/0000:v1.13.4", false)
    ])
    error_message = "worker-1 must install to /dev/sda from the schematic's installer image."
  }
}

run "rejects_an_even_number_of_control_planes" {
  command = plan

  variables {
    nodes = {
      cp-1 = {
        ip           = "192.0.2.11"
        role         = "controlplane"
        install_disk = "/dev/sda"
        interfaces   = [{ name = "eno1", addresses = ["192.0.2.11/24"] }]
      }
      cp-2 = {
        ip           = "192.0.2.12"
        role         = "controlplane"
        install_disk = "/dev/sda"
        interfaces   = [{ name = "eno1", addresses = ["192.0.2.12/24"] }]
      }
    }
  }

  expect_failures = [var.nodes]
}

run "rejects_a_node_ip_missing_from_its_addresses" {
  command = plan

  variables {
    nodes = {
      cp-1 = {
        ip           = "192.0.2.11"
        role         = "controlplane"
        install_disk = "/dev/sda"
        interfaces   = [{ name = "eno1", addresses = ["192.0.2.99/24"] }]
      }
    }
  }

  expect_failures = [var.nodes]
}

run "rejects_a_vip_that_is_a_node_address" {
  command = plan

  variables {
    api_vip = "192.0.2.11"
  }

  expect_failures = [data.talos_machine_configuration.controlplane]
}
