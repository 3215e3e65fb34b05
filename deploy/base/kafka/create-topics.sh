#!/usr/bin/env bash
# Creates the platform's topics that the cluster lacks; existing topics are left as they are. Run once per deployment
# (docker compose's topics service, Kubernetes' whistle-topics Job) in the apache/kafka image.
#   BOOTSTRAP_SERVERS  host:port of a broker
#   REPLICATION        replicas per partition: 1 on a single broker, 3 in production
# The table below is the events module's Topics.all() (org.whistle.events.Topics); the deploy module's tests fail when
# the two differ, so change the catalogue first and this table with it.
set -euo pipefail

: "${BOOTSTRAP_SERVERS:?BOOTSTRAP_SERVERS is required}"
REPLICATION="${REPLICATION:-1}"
# As TopicDefinition.configs: one replica may be down while acks=all writes still succeed.
MIN_INSYNC=$(( REPLICATION > 1 ? REPLICATION - 1 : 1 ))
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

existing=$("$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --list)

# name partitions configs
while read -r name partitions configs; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  if grep -qxF "$name" <<<"$existing"; then
    echo "exists: $name"
    continue
  fi
  args=()
  for config in ${configs//,/ }; do args+=(--config "$config"); done
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION" \
    --config "min.insync.replicas=$MIN_INSYNC" "${args[@]}"
done <<'TOPICS'
whistle-raised 12 cleanup.policy=delete,retention.ms=15552000000
whistle-routed 12 cleanup.policy=delete,retention.ms=15552000000
whistle-reported 12 cleanup.policy=delete,retention.ms=15552000000
whistle-closed 12 cleanup.policy=delete,retention.ms=15552000000
whistle-escalated 12 cleanup.policy=delete,retention.ms=15552000000
whistle-feedback 12 cleanup.policy=delete,retention.ms=15552000000
org-units 3 cleanup.policy=compact
org-categories 3 cleanup.policy=compact
org-rules 3 cleanup.policy=compact
org-calendars 3 cleanup.policy=compact
timeline-checkpoints 1 cleanup.policy=compact
evaluation-ratings 12 cleanup.policy=compact
whistle-raised.DLT 12 cleanup.policy=delete,retention.ms=2592000000
whistle-routed.DLT 12 cleanup.policy=delete,retention.ms=2592000000
whistle-reported.DLT 12 cleanup.policy=delete,retention.ms=2592000000
whistle-closed.DLT 12 cleanup.policy=delete,retention.ms=2592000000
whistle-escalated.DLT 12 cleanup.policy=delete,retention.ms=2592000000
whistle-feedback.DLT 12 cleanup.policy=delete,retention.ms=2592000000
org-units.DLT 3 cleanup.policy=delete,retention.ms=2592000000
org-categories.DLT 3 cleanup.policy=delete,retention.ms=2592000000
org-rules.DLT 3 cleanup.policy=delete,retention.ms=2592000000
org-calendars.DLT 3 cleanup.policy=delete,retention.ms=2592000000
timeline-checkpoints.DLT 1 cleanup.policy=delete,retention.ms=2592000000
evaluation-ratings.DLT 12 cleanup.policy=delete,retention.ms=2592000000
TOPICS
echo "topics ready"
