# Loaded automatically by terraform plan/apply, after terraform.tfvars.
report_timeout = 2400
