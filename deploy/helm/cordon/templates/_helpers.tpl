{{- define "cordon.name" -}}{{ .Chart.Name }}{{- end -}}
{{- define "cordon.fullname" -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "cordon.labels" -}}
app.kubernetes.io/name: {{ include "cordon.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}
{{- define "cordon.selector" -}}
app.kubernetes.io/name: {{ include "cordon.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- define "cordon.secretName" -}}{{ default (include "cordon.fullname" .) .Values.secrets.existingSecret }}{{- end -}}
