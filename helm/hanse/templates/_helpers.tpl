{{/* Chart name. */}}
{{- define "hanse.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name, at most 63 characters. */}}
{{- define "hanse.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "hanse.selectorLabels" -}}
app.kubernetes.io/name: {{ include "hanse.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "hanse.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "hanse.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: hanse
{{- end }}

{{- define "hanse.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "hanse.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "hanse.pvcName" -}}
{{- default (printf "%s-data" (include "hanse.fullname" .)) .Values.persistence.existingClaim }}
{{- end }}

{{/* Where a peer's client secret is mounted. */}}
{{- define "hanse.secretDir" -}}
/etc/hanse/secrets
{{- end }}

{{/* Whether the catalogue lives on the chart's volume (TDB2): persistence on and no remote store. */}}
{{- define "hanse.persistent" -}}
{{- if and .Values.persistence.enabled (ne .Values.store.mode "remote") }}true{{ end }}
{{- end }}

{{/*
Refuses values that would run the node unsafely: several TDB2 writers, harvests in several replicas, inline
client secrets, or a peer secret for a peer that is not configured.
*/}}
{{- define "hanse.validate" -}}
{{- $scaled := or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled }}
{{- $remote := eq .Values.store.mode "remote" }}
{{- if not (has .Values.store.mode (list "tdb2" "remote")) }}
{{- fail (printf "store.mode: '%s' is not one of tdb2, remote" .Values.store.mode) }}
{{- end }}
{{- if and $remote (not .Values.store.url) }}
{{- fail "store.url is required with store.mode remote (the store's dataset base, e.g. http://fuseki.data.svc:3030/hanse)" }}
{{- end }}
{{- if and $remote (.Values.config.store | default dict).writer }}
{{- fail "config.store.writer: the replicas of a remote store never write; harvests run in the store.harvestJob CronJob" }}
{{- end }}
{{- if and (include "hanse.persistent" .) $scaled }}
{{- fail "persistence.enabled (TDB2) allows exactly one replica: set replicaCount: 1 and autoscaling.enabled: false, run stateless federation gateways with persistence.enabled: false, or read replicas of an external store with store.mode: remote (docs/scaling.md)" }}
{{- end }}
{{- $sources := ((.Values.config.harvest | default dict).sources | default list) }}
{{- if and $scaled (not $remote) (gt (len $sources) 0) }}
{{- fail "harvest sources need a single writer: scaled replicas (replicaCount > 1 or autoscaling) must not have harvest.sources (docs/scaling.md)" }}
{{- end }}
{{- $peerNames := list }}
{{- range $p := (.Values.config.peers | default list) }}
{{- $peerNames = append $peerNames $p.name }}
{{- if and $p.auth (hasKey $p.auth "clientSecret") }}
{{- fail (printf "peers[%s].auth.clientSecret: never put secrets into values; reference a Kubernetes Secret in peerSecrets.%s" $p.name $p.name) }}
{{- end }}
{{- end }}
{{- range $name, $ref := .Values.peerSecrets }}
{{- if not (has $name $peerNames) }}
{{- fail (printf "peerSecrets.%s: no peer named %s in config.peers" $name $name) }}
{{- end }}
{{- if or (not $ref.secretName) (not $ref.key) }}
{{- fail (printf "peerSecrets.%s needs secretName and key" $name) }}
{{- end }}
{{- end }}
{{- end }}

{{/* The node configuration with the settings the chart owns filled in. */}}
{{- define "hanse.config" -}}
{{- $cfg := deepCopy .Values.config }}
{{- $_ := set $cfg "port" 8080 }}
{{- $_ := set $cfg "bind" "0.0.0.0" }}
{{- $_ := set $cfg "dataDir" (ternary "/var/lib/hanse/data" "memory" (eq (include "hanse.persistent" .) "true")) }}
{{- if eq .Values.store.mode "remote" }}
{{- $store := deepCopy ($cfg.store | default dict) }}
{{- $_ := set $store "mode" "remote" }}
{{- $_ := set $store "url" .Values.store.url }}
{{- $_ := set $store "writer" false }}
{{- $_ := set $cfg "store" $store }}
{{- end }}
{{- if and (not $cfg.baseUrl) .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- $_ := set $cfg "baseUrl" (printf "%s://%s/" (ternary "https" "http" (gt (len .Values.ingress.tls) 0)) $host) }}
{{- end }}
{{- range $p := ($cfg.peers | default list) }}
{{- $ref := get $.Values.peerSecrets $p.name }}
{{- if $ref }}
{{- $auth := $p.auth | default dict }}
{{- $_ := set $auth "clientSecretFile" (printf "%s/%s/%s" (include "hanse.secretDir" $) $p.name $ref.key) }}
{{- $_ := set $p "auth" $auth }}
{{- end }}
{{- end }}
{{- toYaml $cfg }}
{{- end }}
