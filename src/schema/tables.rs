//! The column tables, one per log type, generated from the PAN-OS field
//! reference (`reference/panos-fields/*.tsv` in the shared folder) and checked
//! against it by `tests/schema_reference.rs`.
//!
//! Each table lists the type's columns in the wire order of the newest layout.
//! The version is the one that added the column, best effort as the reference
//! gives it: `<=6.1` is written 6.1, `9.x` 9.0; columns the docs leave unmarked
//! after 11.1 are 12.0. Where a layout is not the newest one's prefix, the
//! variants in `super` list the positions by name; a column that only a
//! variant has comes after the wire-order part of the table.

use super::ValueKind::{Enum, Hex, Int, Ip, Port, Str, ThreatId, Timestamp};
use super::{FieldSpec, col};

/// A log type's table, and a module of its column names as constants
/// (`traffic::NATSRC == "natsrc"`): the names are checked at compile time
/// to be the constants' own, lower-cased.
macro_rules! columns {
    (
        $(#[$doc:meta])*
        $table:ident, $module:ident: [
            $($(#[$cdoc:meta])* $const:ident: $name:literal, $kind:ident, $major:literal, $minor:literal;)*
        ]
    ) => {
        $(#[$doc])*
        pub(super) const $table: &[FieldSpec] = &[
            $(col($name, $kind, $major, $minor),)*
        ];

        #[doc = concat!("The ", stringify!($table), " column names, as constants: a misspelt one does not compile.")]
        ///
        /// # Example
        ///
        /// ```
        #[doc = concat!("use panlog::fields::", stringify!($module), ";")]
        #[doc = concat!("assert_eq!(", stringify!($module), "::SERIAL, \"serial\");")]
        /// ```
        pub mod $module {
            $(
                #[doc = concat!("`", $name, "`")]
                pub const $const: &str = $name;
                const _: () = assert!(super::super::same_name(stringify!($const), $name));
            )*
        }
    };
}

columns! {
    /// The TRAFFIC columns, in wire order (from `traffic.tsv`).
    TRAFFIC, traffic: [
        FUTURE_USE_0: "future_use_0", Str, 6, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 6, 1;
        SERIAL: "serial", Str, 6, 1;
        TYPE: "type", Enum, 6, 1;
        SUBTYPE: "subtype", Enum, 6, 1;
        FUTURE_USE_5: "future_use_5", Str, 6, 1;
        TIME_GENERATED: "time_generated", Timestamp, 6, 1;
        SRC: "src", Ip, 6, 1;
        DST: "dst", Ip, 6, 1;
        NATSRC: "natsrc", Ip, 6, 1;
        NATDST: "natdst", Ip, 6, 1;
        RULE: "rule", Str, 6, 1;
        SRCUSER: "srcuser", Str, 6, 1;
        DSTUSER: "dstuser", Str, 6, 1;
        APP: "app", Str, 6, 1;
        VSYS: "vsys", Str, 6, 1;
        FROM: "from", Str, 6, 1;
        TO: "to", Str, 6, 1;
        INBOUND_IF: "inbound_if", Str, 6, 1;
        OUTBOUND_IF: "outbound_if", Str, 6, 1;
        LOGSET: "logset", Str, 6, 1;
        FUTURE_USE_21: "future_use_21", Timestamp, 6, 1;
        SESSIONID: "sessionid", Int, 6, 1;
        REPEATCNT: "repeatcnt", Int, 6, 1;
        SPORT: "sport", Port, 6, 1;
        DPORT: "dport", Port, 6, 1;
        NATSPORT: "natsport", Port, 6, 1;
        NATDPORT: "natdport", Port, 6, 1;
        FLAGS: "flags", Hex, 6, 1;
        PROTO: "proto", Enum, 6, 1;
        ACTION: "action", Enum, 6, 1;
        BYTES: "bytes", Int, 6, 1;
        BYTES_SENT: "bytes_sent", Int, 6, 1;
        BYTES_RECEIVED: "bytes_received", Int, 6, 1;
        PACKETS: "packets", Int, 6, 1;
        START: "start", Timestamp, 6, 1;
        ELAPSED: "elapsed", Int, 6, 1;
        CATEGORY: "category", Str, 6, 1;
        FUTURE_USE_38: "future_use_38", Str, 6, 1;
        SEQNO: "seqno", Int, 6, 1;
        ACTIONFLAGS: "actionflags", Hex, 6, 1;
        SRCLOC: "srcloc", Str, 6, 1;
        DSTLOC: "dstloc", Str, 6, 1;
        FUTURE_USE_43: "future_use_43", Str, 6, 1;
        PKTS_SENT: "pkts_sent", Int, 6, 1;
        PKTS_RECEIVED: "pkts_received", Int, 6, 1;
        SESSION_END_REASON: "session_end_reason", Enum, 6, 1;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 7, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 7, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 7, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 7, 0;
        VSYS_NAME: "vsys_name", Str, 7, 0;
        DEVICE_NAME: "device_name", Str, 7, 0;
        ACTION_SOURCE: "action_source", Enum, 7, 0;
        SRC_UUID: "src_uuid", Str, 8, 0;
        DST_UUID: "dst_uuid", Str, 8, 0;
        TUNNELID_IMSI: "tunnelid_imsi", Str, 8, 0;
        MONITORTAG_IMEI: "monitortag_imei", Str, 8, 0;
        PARENT_SESSION_ID: "parent_session_id", Int, 8, 0;
        PARENT_START_TIME: "parent_start_time", Timestamp, 8, 0;
        TUNNEL: "tunnel", Enum, 8, 0;
        ASSOC_ID: "assoc_id", Int, 8, 1;
        CHUNKS: "chunks", Int, 8, 1;
        CHUNKS_SENT: "chunks_sent", Int, 8, 1;
        CHUNKS_RECEIVED: "chunks_received", Int, 8, 1;
        RULE_UUID: "rule_uuid", Str, 9, 0;
        HTTP2_CONNECTION: "http2_connection", Int, 9, 0;
        LINK_CHANGE_COUNT: "link_change_count", Int, 9, 1;
        POLICY_ID: "policy_id", Str, 9, 1;
        LINK_SWITCHES: "link_switches", Str, 9, 1;
        SDWAN_CLUSTER: "sdwan_cluster", Str, 9, 1;
        SDWAN_DEVICE_TYPE: "sdwan_device_type", Enum, 9, 1;
        SDWAN_CLUSTER_TYPE: "sdwan_cluster_type", Enum, 9, 1;
        SDWAN_SITE: "sdwan_site", Str, 9, 1;
        DYNUSERGROUP_NAME: "dynusergroup_name", Str, 9, 1;
        XFF_IP: "xff_ip", Ip, 10, 0;
        SRC_CATEGORY: "src_category", Str, 10, 0;
        SRC_PROFILE: "src_profile", Str, 10, 0;
        SRC_MODEL: "src_model", Str, 10, 0;
        SRC_VENDOR: "src_vendor", Str, 10, 0;
        SRC_OSFAMILY: "src_osfamily", Str, 10, 0;
        SRC_OSVERSION: "src_osversion", Str, 10, 0;
        SRC_HOST: "src_host", Str, 10, 0;
        SRC_MAC: "src_mac", Str, 10, 0;
        DST_CATEGORY: "dst_category", Str, 10, 0;
        DST_PROFILE: "dst_profile", Str, 10, 0;
        DST_MODEL: "dst_model", Str, 10, 0;
        DST_VENDOR: "dst_vendor", Str, 10, 0;
        DST_OSFAMILY: "dst_osfamily", Str, 10, 0;
        DST_OSVERSION: "dst_osversion", Str, 10, 0;
        DST_HOST: "dst_host", Str, 10, 0;
        DST_MAC: "dst_mac", Str, 10, 0;
        CONTAINER_ID: "container_id", Str, 10, 0;
        POD_NAMESPACE: "pod_namespace", Str, 10, 0;
        POD_NAME: "pod_name", Str, 10, 0;
        SRC_EDL: "src_edl", Str, 10, 0;
        DST_EDL: "dst_edl", Str, 10, 0;
        HOSTID: "hostid", Str, 10, 0;
        SERIALNUMBER: "serialnumber", Str, 10, 0;
        SRC_DAG: "src_dag", Str, 10, 0;
        DST_DAG: "dst_dag", Str, 10, 0;
        SESSION_OWNER: "session_owner", Str, 10, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        NSSAI_SST: "nssai_sst", Str, 10, 0;
        NSSAI_SD: "nssai_sd", Str, 10, 0;
        SUBCATEGORY_OF_APP: "subcategory_of_app", Str, 10, 1;
        CATEGORY_OF_APP: "category_of_app", Str, 10, 1;
        TECHNOLOGY_OF_APP: "technology_of_app", Str, 10, 1;
        RISK_OF_APP: "risk_of_app", Int, 10, 1;
        CHARACTERISTIC_OF_APP: "characteristic_of_app", Str, 10, 1;
        CONTAINER_OF_APP: "container_of_app", Str, 10, 1;
        TUNNELED_APP: "tunneled_app", Str, 10, 1;
        IS_SAAS_OF_APP: "is_saas_of_app", Enum, 10, 1;
        SANCTIONED_STATE_OF_APP: "sanctioned_state_of_app", Enum, 10, 1;
        OFFLOADED: "offloaded", Int, 10, 1;
        FLOW_TYPE: "flow_type", Enum, 11, 1;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
        AI_TRAFFIC: "ai_traffic", Str, 11, 1;
        AI_FWD_ERROR: "ai_fwd_error", Str, 11, 1;
        K8S_CLUSTER_ID: "k8s_cluster_id", Str, 11, 1;
        TCP_RTT_C2S: "tcp_rtt_c2s", Int, 12, 0;
        TCP_RTT_S2C: "tcp_rtt_s2c", Int, 12, 0;
        TOTAL_N_OOSEQ_C2S: "total_n_ooseq_c2s", Int, 12, 0;
        TOTAL_N_OOSEQ_S2C: "total_n_ooseq_s2c", Int, 12, 0;
        TCP_RETRANSIT_CNT_C2S: "tcp_retransit_cnt_c2s", Int, 12, 0;
        TCP_RETRANSIT_CNT_S2C: "tcp_retransit_cnt_s2c", Int, 12, 0;
        TCP_ZERO_WINDOW_CNT_C2S: "tcp_zero_window_cnt_c2s", Int, 12, 0;
        TCP_ZERO_WINDOW_CNT_S2C: "tcp_zero_window_cnt_s2c", Int, 12, 0;
        SRC_ADV_DEV_ID: "src_adv_dev_id", Str, 12, 1;
        DST_ADV_DEV_ID: "dst_adv_dev_id", Str, 12, 1;
    ]
}

columns! {
    /// The THREAT columns, in wire order (from `threat.tsv`).
    THREAT, threat: [
        FUTURE_USE_0: "future_use_0", Str, 6, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 6, 1;
        SERIAL: "serial", Str, 6, 1;
        TYPE: "type", Enum, 6, 1;
        SUBTYPE: "subtype", Enum, 6, 1;
        FUTURE_USE_5: "future_use_5", Str, 6, 1;
        TIME_GENERATED: "time_generated", Timestamp, 6, 1;
        SRC: "src", Ip, 6, 1;
        DST: "dst", Ip, 6, 1;
        NATSRC: "natsrc", Ip, 6, 1;
        NATDST: "natdst", Ip, 6, 1;
        RULE: "rule", Str, 6, 1;
        SRCUSER: "srcuser", Str, 6, 1;
        DSTUSER: "dstuser", Str, 6, 1;
        APP: "app", Str, 6, 1;
        VSYS: "vsys", Str, 6, 1;
        FROM: "from", Str, 6, 1;
        TO: "to", Str, 6, 1;
        INBOUND_IF: "inbound_if", Str, 6, 1;
        OUTBOUND_IF: "outbound_if", Str, 6, 1;
        LOGSET: "logset", Str, 6, 1;
        FUTURE_USE_21: "future_use_21", Timestamp, 6, 1;
        SESSIONID: "sessionid", Int, 6, 1;
        REPEATCNT: "repeatcnt", Int, 6, 1;
        SPORT: "sport", Port, 6, 1;
        DPORT: "dport", Port, 6, 1;
        NATSPORT: "natsport", Port, 6, 1;
        NATDPORT: "natdport", Port, 6, 1;
        FLAGS: "flags", Hex, 6, 1;
        PROTO: "proto", Enum, 6, 1;
        ACTION: "action", Enum, 6, 1;
        MISC: "misc", Str, 6, 1;
        THREATID: "threatid", ThreatId, 6, 1;
        CATEGORY: "category", Str, 6, 1;
        SEVERITY: "severity", Enum, 6, 1;
        DIRECTION: "direction", Enum, 6, 1;
        SEQNO: "seqno", Int, 6, 1;
        ACTIONFLAGS: "actionflags", Hex, 6, 1;
        SRCLOC: "srcloc", Str, 6, 1;
        DSTLOC: "dstloc", Str, 6, 1;
        FUTURE_USE_40: "future_use_40", Str, 6, 1;
        CONTENTTYPE: "contenttype", Str, 6, 1;
        PCAP_ID: "pcap_id", Int, 6, 1;
        FILEDIGEST: "filedigest", Str, 6, 1;
        CLOUD: "cloud", Str, 6, 1;
        URL_IDX: "url_idx", Int, 7, 0;
        USER_AGENT: "user_agent", Str, 6, 1;
        FILETYPE: "filetype", Str, 6, 1;
        XFF: "xff", Str, 6, 1;
        REFERER: "referer", Str, 6, 1;
        SENDER: "sender", Str, 6, 1;
        SUBJECT: "subject", Str, 6, 1;
        RECIPIENT: "recipient", Str, 6, 1;
        REPORTID: "reportid", Int, 6, 1;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 7, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 7, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 7, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 7, 0;
        VSYS_NAME: "vsys_name", Str, 7, 0;
        DEVICE_NAME: "device_name", Str, 7, 0;
        FUTURE_USE_60: "future_use_60", Str, 8, 0;
        SRC_UUID: "src_uuid", Str, 8, 0;
        DST_UUID: "dst_uuid", Str, 8, 0;
        HTTP_METHOD: "http_method", Enum, 8, 0;
        TUNNELID_IMSI: "tunnelid_imsi", Str, 8, 0;
        MONITORTAG_IMEI: "monitortag_imei", Str, 8, 0;
        PARENT_SESSION_ID: "parent_session_id", Int, 8, 0;
        PARENT_START_TIME: "parent_start_time", Timestamp, 8, 0;
        TUNNEL: "tunnel", Enum, 8, 0;
        THR_CATEGORY: "thr_category", Str, 8, 0;
        CONTENTVER: "contentver", Str, 8, 0;
        FUTURE_USE_71: "future_use_71", Str, 8, 1;
        ASSOC_ID: "assoc_id", Int, 8, 1;
        PPID: "ppid", Int, 8, 1;
        HTTP_HEADERS: "http_headers", Str, 8, 1;
        URL_CATEGORY_LIST: "url_category_list", Str, 9, 0;
        RULE_UUID: "rule_uuid", Str, 9, 0;
        HTTP2_CONNECTION: "http2_connection", Int, 9, 0;
        DYNUSERGROUP_NAME: "dynusergroup_name", Str, 9, 1;
        XFF_IP: "xff_ip", Ip, 10, 0;
        SRC_CATEGORY: "src_category", Str, 10, 0;
        SRC_PROFILE: "src_profile", Str, 10, 0;
        SRC_MODEL: "src_model", Str, 10, 0;
        SRC_VENDOR: "src_vendor", Str, 10, 0;
        SRC_OSFAMILY: "src_osfamily", Str, 10, 0;
        SRC_OSVERSION: "src_osversion", Str, 10, 0;
        SRC_HOST: "src_host", Str, 10, 0;
        SRC_MAC: "src_mac", Str, 10, 0;
        DST_CATEGORY: "dst_category", Str, 10, 0;
        DST_PROFILE: "dst_profile", Str, 10, 0;
        DST_MODEL: "dst_model", Str, 10, 0;
        DST_VENDOR: "dst_vendor", Str, 10, 0;
        DST_OSFAMILY: "dst_osfamily", Str, 10, 0;
        DST_OSVERSION: "dst_osversion", Str, 10, 0;
        DST_HOST: "dst_host", Str, 10, 0;
        DST_MAC: "dst_mac", Str, 10, 0;
        CONTAINER_ID: "container_id", Str, 10, 0;
        POD_NAMESPACE: "pod_namespace", Str, 10, 0;
        POD_NAME: "pod_name", Str, 10, 0;
        SRC_EDL: "src_edl", Str, 10, 0;
        DST_EDL: "dst_edl", Str, 10, 0;
        HOSTID: "hostid", Str, 10, 0;
        SERIALNUMBER: "serialnumber", Str, 10, 0;
        DOMAIN_EDL: "domain_edl", Str, 10, 0;
        SRC_DAG: "src_dag", Str, 10, 0;
        DST_DAG: "dst_dag", Str, 10, 0;
        PARTIAL_HASH: "partial_hash", Str, 10, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        REASON: "reason", Str, 10, 0;
        JUSTIFICATION: "justification", Str, 10, 0;
        NSSAI_SST: "nssai_sst", Str, 10, 0;
        SUBCATEGORY_OF_APP: "subcategory_of_app", Str, 10, 1;
        CATEGORY_OF_APP: "category_of_app", Str, 10, 1;
        TECHNOLOGY_OF_APP: "technology_of_app", Str, 10, 1;
        RISK_OF_APP: "risk_of_app", Int, 10, 1;
        CHARACTERISTIC_OF_APP: "characteristic_of_app", Str, 10, 1;
        CONTAINER_OF_APP: "container_of_app", Str, 10, 1;
        TUNNELED_APP: "tunneled_app", Str, 10, 1;
        IS_SAAS_OF_APP: "is_saas_of_app", Enum, 10, 1;
        SANCTIONED_STATE_OF_APP: "sanctioned_state_of_app", Enum, 10, 1;
        CLOUD_REPORTID: "cloud_reportid", Str, 10, 2;
        FLOW_TYPE: "flow_type", Enum, 11, 1;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
        // Not on the wire in the standard layout: only the 10.0 docs' 112-column
        // layout has it, just before `partial_hash` (see `THREAT_10_0_DOCS`).
        SESSION_OWNER: "session_owner", Str, 10, 0;
    ]
}

columns! {
    /// The SYSTEM columns, in wire order (from `system.tsv`).
    SYSTEM, system: [
        FUTURE_USE_0: "future_use_0", Str, 6, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 6, 1;
        SERIAL: "serial", Str, 6, 1;
        TYPE: "type", Enum, 6, 1;
        SUBTYPE: "subtype", Enum, 6, 1;
        FUTURE_USE_5: "future_use_5", Str, 6, 1;
        TIME_GENERATED: "time_generated", Timestamp, 6, 1;
        VSYS: "vsys", Str, 6, 1;
        EVENTID: "eventid", Str, 6, 1;
        OBJECT: "object", Str, 6, 1;
        FUTURE_USE_10: "future_use_10", Str, 6, 1;
        FUTURE_USE_11: "future_use_11", Str, 6, 1;
        MODULE: "module", Enum, 6, 1;
        SEVERITY: "severity", Enum, 6, 1;
        OPAQUE: "opaque", Str, 6, 1;
        SEQNO: "seqno", Int, 6, 1;
        ACTIONFLAGS: "actionflags", Hex, 6, 1;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 7, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 7, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 7, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 7, 0;
        VSYS_NAME: "vsys_name", Str, 7, 0;
        DEVICE_NAME: "device_name", Str, 7, 0;
        FUTURE_USE_23: "future_use_23", Str, 10, 0;
        FUTURE_USE_24: "future_use_24", Str, 10, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
    ]
}

columns! {
    /// The CONFIG columns, in wire order (from `config.tsv`).
    CONFIG, config: [
        FUTURE_USE_0: "future_use_0", Str, 6, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 6, 1;
        SERIAL: "serial", Str, 6, 1;
        TYPE: "type", Enum, 6, 1;
        SUBTYPE: "subtype", Enum, 6, 1;
        FUTURE_USE_5: "future_use_5", Str, 6, 1;
        TIME_GENERATED: "time_generated", Timestamp, 6, 1;
        HOST: "host", Str, 6, 1;
        VSYS: "vsys", Str, 6, 1;
        CMD: "cmd", Enum, 6, 1;
        ADMIN: "admin", Str, 6, 1;
        CLIENT: "client", Enum, 6, 1;
        RESULT: "result", Enum, 6, 1;
        PATH: "path", Str, 6, 1;
        SEQNO: "seqno", Int, 6, 1;
        ACTIONFLAGS: "actionflags", Hex, 6, 1;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 7, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 7, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 7, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 7, 0;
        VSYS_NAME: "vsys_name", Str, 7, 0;
        DEVICE_NAME: "device_name", Str, 7, 0;
        DG_ID: "dg_id", Str, 9, 0;
        COMMENT: "comment", Str, 9, 0;
        FUTURE_USE_24: "future_use_24", Str, 10, 1;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 1;
        BEFORE_CHANGE_DETAIL: "before_change_detail", Str, 10, 1;
        AFTER_CHANGE_DETAIL: "after_change_detail", Str, 10, 1;
    ]
}

columns! {
    /// The HIPMATCH columns, in wire order (from `hipmatch.tsv`).
    HIPMATCH, hipmatch: [
        FUTURE_USE_0: "future_use_0", Str, 6, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 6, 1;
        SERIAL: "serial", Str, 6, 1;
        TYPE: "type", Enum, 6, 1;
        SUBTYPE: "subtype", Enum, 6, 1;
        FUTURE_USE_5: "future_use_5", Str, 6, 1;
        TIME_GENERATED: "time_generated", Timestamp, 6, 1;
        SRCUSER: "srcuser", Str, 6, 1;
        VSYS: "vsys", Str, 6, 1;
        MACHINENAME: "machinename", Str, 6, 1;
        OS: "os", Str, 6, 1;
        SRC: "src", Ip, 6, 1;
        MATCHNAME: "matchname", Str, 6, 1;
        REPEATCNT: "repeatcnt", Int, 6, 1;
        MATCHTYPE: "matchtype", Enum, 6, 1;
        FUTURE_USE_15: "future_use_15", Str, 6, 1;
        FUTURE_USE_16: "future_use_16", Str, 6, 1;
        SEQNO: "seqno", Int, 6, 1;
        ACTIONFLAGS: "actionflags", Hex, 6, 1;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 7, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 7, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 7, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 7, 0;
        VSYS_NAME: "vsys_name", Str, 7, 0;
        DEVICE_NAME: "device_name", Str, 7, 0;
        VSYS_ID: "vsys_id", Int, 8, 0;
        SRCIPV6: "srcipv6", Ip, 8, 0;
        HOSTID: "hostid", Str, 9, 0;
        SERIALNUMBER: "serialnumber", Str, 9, 0;
        MAC: "mac", Str, 10, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
    ]
}

columns! {
    /// The GLOBALPROTECT columns, in wire order (from `globalprotect.tsv`).
    GLOBALPROTECT, globalprotect: [
        FUTURE_USE_0: "future_use_0", Str, 6, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 6, 1;
        SERIAL: "serial", Str, 6, 1;
        TYPE: "type", Enum, 6, 1;
        SUBTYPE: "subtype", Enum, 6, 1;
        FUTURE_USE_5: "future_use_5", Str, 6, 1;
        TIME_GENERATED: "time_generated", Timestamp, 6, 1;
        VSYS: "vsys", Str, 9, 1;
        EVENTID: "eventid", Str, 9, 1;
        STAGE: "stage", Enum, 9, 1;
        AUTH_METHOD: "auth_method", Str, 9, 1;
        TUNNEL_TYPE: "tunnel_type", Enum, 9, 1;
        SRCUSER: "srcuser", Str, 9, 1;
        SRCREGION: "srcregion", Str, 9, 1;
        MACHINENAME: "machinename", Str, 9, 1;
        PUBLIC_IP: "public_ip", Ip, 9, 1;
        PUBLIC_IPV6: "public_ipv6", Ip, 9, 1;
        PRIVATE_IP: "private_ip", Ip, 9, 1;
        PRIVATE_IPV6: "private_ipv6", Ip, 9, 1;
        HOSTID: "hostid", Str, 9, 1;
        SERIALNUMBER: "serialnumber", Str, 9, 1;
        CLIENT_VER: "client_ver", Str, 9, 1;
        CLIENT_OS: "client_os", Str, 9, 1;
        CLIENT_OS_VER: "client_os_ver", Str, 9, 1;
        REPEATCNT: "repeatcnt", Int, 9, 1;
        REASON: "reason", Str, 9, 1;
        ERROR: "error", Str, 9, 1;
        OPAQUE: "opaque", Str, 9, 1;
        STATUS: "status", Enum, 9, 1;
        LOCATION: "location", Str, 9, 1;
        LOGIN_DURATION: "login_duration", Int, 9, 1;
        CONNECT_METHOD: "connect_method", Enum, 9, 1;
        ERROR_CODE: "error_code", Int, 9, 1;
        PORTAL: "portal", Str, 9, 1;
        SEQNO: "seqno", Int, 9, 1;
        ACTIONFLAGS: "actionflags", Hex, 9, 1;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 9, 1;
        SELECTION_TYPE: "selection_type", Enum, 9, 1;
        RESPONSE_TIME: "response_time", Int, 9, 1;
        PRIORITY: "priority", Enum, 9, 1;
        ATTEMPTED_GATEWAYS: "attempted_gateways", Str, 9, 1;
        GATEWAY: "gateway", Str, 9, 1;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 10, 1;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 10, 1;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 10, 1;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 10, 1;
        VSYS_NAME: "vsys_name", Str, 10, 1;
        DEVICE_NAME: "device_name", Str, 10, 1;
        VSYS_ID: "vsys_id", Int, 10, 1;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
    ]
}

columns! {
    /// The USERID columns, in wire order (from `userid.tsv`).
    USERID, userid: [
        FUTURE_USE_0: "future_use_0", Str, 6, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 6, 1;
        SERIAL: "serial", Str, 6, 1;
        TYPE: "type", Enum, 6, 1;
        SUBTYPE: "subtype", Enum, 6, 1;
        FUTURE_USE_5: "future_use_5", Str, 6, 1;
        TIME_GENERATED: "time_generated", Timestamp, 6, 1;
        VSYS: "vsys", Str, 8, 0;
        IP: "ip", Ip, 8, 0;
        USER: "user", Str, 8, 0;
        DATASOURCENAME: "datasourcename", Str, 8, 0;
        EVENTID: "eventid", Str, 8, 0;
        REPEATCNT: "repeatcnt", Int, 8, 0;
        TIMEOUT: "timeout", Int, 8, 0;
        BEGINPORT: "beginport", Port, 8, 0;
        ENDPORT: "endport", Port, 8, 0;
        DATASOURCE: "datasource", Str, 8, 0;
        DATASOURCETYPE: "datasourcetype", Str, 8, 0;
        SEQNO: "seqno", Int, 8, 0;
        ACTIONFLAGS: "actionflags", Hex, 8, 0;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 8, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 8, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 8, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 8, 0;
        VSYS_NAME: "vsys_name", Str, 8, 0;
        DEVICE_NAME: "device_name", Str, 8, 0;
        VSYS_ID: "vsys_id", Int, 8, 0;
        FACTORTYPE: "factortype", Str, 8, 0;
        FACTORCOMPLETIONTIME: "factorcompletiontime", Timestamp, 8, 0;
        FACTORNO: "factorno", Int, 8, 0;
        UGFLAGS: "ugflags", Hex, 9, 1;
        USERBYSOURCE: "userbysource", Str, 9, 1;
        TAG_NAME: "tag_name", Str, 10, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        ORIGINDATASOURCE: "origindatasource", Str, 11, 0;
        FUTURE_USE_35: "future_use_35", Str, 11, 0;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
    ]
}

columns! {
    /// The AUTHENTICATION columns, in wire order (from `authentication.tsv`).
    AUTHENTICATION, authentication: [
        FUTURE_USE_0: "future_use_0", Str, 6, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 6, 1;
        SERIAL: "serial", Str, 6, 1;
        TYPE: "type", Enum, 6, 1;
        SUBTYPE: "subtype", Enum, 6, 1;
        FUTURE_USE_5: "future_use_5", Str, 6, 1;
        TIME_GENERATED: "time_generated", Timestamp, 6, 1;
        VSYS: "vsys", Str, 8, 0;
        IP: "ip", Ip, 8, 0;
        USER: "user", Str, 8, 0;
        NORMALIZE_USER: "normalize_user", Str, 8, 0;
        OBJECT: "object", Str, 8, 0;
        AUTHPOLICY: "authpolicy", Str, 8, 0;
        REPEATCNT: "repeatcnt", Int, 8, 0;
        AUTHID: "authid", Int, 8, 0;
        VENDOR: "vendor", Str, 8, 0;
        LOGSET: "logset", Str, 8, 0;
        SERVERPROFILE: "serverprofile", Str, 8, 0;
        DESC: "desc", Str, 8, 0;
        CLIENTTYPE: "clienttype", Str, 8, 0;
        EVENT: "event", Str, 8, 0;
        FACTORNO: "factorno", Int, 8, 0;
        SEQNO: "seqno", Int, 8, 0;
        ACTIONFLAGS: "actionflags", Hex, 8, 0;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 8, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 8, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 8, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 8, 0;
        VSYS_NAME: "vsys_name", Str, 8, 0;
        DEVICE_NAME: "device_name", Str, 8, 0;
        VSYS_ID: "vsys_id", Int, 8, 0;
        AUTHPROTO: "authproto", Str, 8, 1;
        RULE_UUID: "rule_uuid", Str, 9, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        SRC_CATEGORY: "src_category", Str, 10, 0;
        SRC_PROFILE: "src_profile", Str, 10, 0;
        SRC_MODEL: "src_model", Str, 10, 0;
        SRC_VENDOR: "src_vendor", Str, 10, 0;
        SRC_OSFAMILY: "src_osfamily", Str, 10, 0;
        SRC_OSVERSION: "src_osversion", Str, 10, 0;
        SRC_HOST: "src_host", Str, 10, 0;
        SRC_MAC: "src_mac", Str, 10, 0;
        REGION: "region", Str, 10, 0;
        FUTURE_USE_43: "future_use_43", Str, 10, 0;
        USER_AGENT: "user_agent", Str, 10, 0;
        SESSIONID: "sessionid", Int, 10, 0;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
    ]
}

columns! {
    /// The DECRYPTION columns, in wire order (from `decryption.tsv`).
    DECRYPTION, decryption: [
        FUTURE_USE_0: "future_use_0", Str, 10, 0;
        RECEIVE_TIME: "receive_time", Timestamp, 10, 0;
        SERIAL: "serial", Str, 10, 0;
        TYPE: "type", Enum, 10, 0;
        SUBTYPE: "subtype", Enum, 10, 0;
        CONFIG_VER: "config_ver", Str, 10, 0;
        TIME_GENERATED: "time_generated", Timestamp, 10, 0;
        SRC: "src", Ip, 10, 0;
        DST: "dst", Ip, 10, 0;
        NATSRC: "natsrc", Ip, 10, 0;
        NATDST: "natdst", Ip, 10, 0;
        RULE: "rule", Str, 10, 0;
        SRCUSER: "srcuser", Str, 10, 0;
        DSTUSER: "dstuser", Str, 10, 0;
        APP: "app", Str, 10, 0;
        VSYS: "vsys", Str, 10, 0;
        FROM: "from", Str, 10, 0;
        TO: "to", Str, 10, 0;
        INBOUND_IF: "inbound_if", Str, 10, 0;
        OUTBOUND_IF: "outbound_if", Str, 10, 0;
        LOGSET: "logset", Str, 10, 0;
        TIME_RECEIVED: "time_received", Timestamp, 10, 0;
        SESSIONID: "sessionid", Int, 10, 0;
        REPEATCNT: "repeatcnt", Int, 10, 0;
        SPORT: "sport", Port, 10, 0;
        DPORT: "dport", Port, 10, 0;
        NATSPORT: "natsport", Port, 10, 0;
        NATDPORT: "natdport", Port, 10, 0;
        FLAGS: "flags", Hex, 10, 0;
        PROTO: "proto", Enum, 10, 0;
        ACTION: "action", Enum, 10, 0;
        TUNNEL: "tunnel", Enum, 10, 0;
        FUTURE_USE_32: "future_use_32", Str, 10, 0;
        FUTURE_USE_33: "future_use_33", Str, 10, 0;
        SRC_UUID: "src_uuid", Str, 10, 0;
        DST_UUID: "dst_uuid", Str, 10, 0;
        RULE_UUID: "rule_uuid", Str, 10, 0;
        HS_STAGE_C2F: "hs_stage_c2f", Enum, 10, 0;
        HS_STAGE_F2S: "hs_stage_f2s", Enum, 10, 0;
        TLS_VERSION: "tls_version", Enum, 10, 0;
        TLS_KEYXCHG: "tls_keyxchg", Enum, 10, 0;
        TLS_ENC: "tls_enc", Enum, 10, 0;
        TLS_AUTH: "tls_auth", Enum, 10, 0;
        POLICY_NAME: "policy_name", Str, 10, 0;
        EC_CURVE: "ec_curve", Str, 10, 0;
        ERR_INDEX: "err_index", Enum, 10, 0;
        ROOT_STATUS: "root_status", Enum, 10, 0;
        CHAIN_STATUS: "chain_status", Enum, 10, 0;
        PROXY_TYPE: "proxy_type", Enum, 10, 0;
        CERT_SERIAL: "cert_serial", Hex, 10, 0;
        FINGERPRINT: "fingerprint", Hex, 10, 0;
        NOTBEFORE: "notbefore", Timestamp, 10, 0;
        NOTAFTER: "notafter", Timestamp, 10, 0;
        CERT_VER: "cert_ver", Enum, 10, 0;
        CERT_SIZE: "cert_size", Int, 10, 0;
        CN_LEN: "cn_len", Int, 10, 0;
        ISSUER_LEN: "issuer_len", Int, 10, 0;
        ROOTCN_LEN: "rootcn_len", Int, 10, 0;
        SNI_LEN: "sni_len", Int, 10, 0;
        CERT_FLAGS: "cert_flags", Str, 10, 0;
        CN: "cn", Str, 10, 0;
        ISSUER_CN: "issuer_cn", Str, 10, 0;
        ROOT_CN: "root_cn", Str, 10, 0;
        SNI: "sni", Str, 10, 0;
        ERROR: "error", Str, 10, 0;
        CONTAINER_ID: "container_id", Str, 10, 0;
        POD_NAMESPACE: "pod_namespace", Str, 10, 0;
        POD_NAME: "pod_name", Str, 10, 0;
        SRC_EDL: "src_edl", Str, 10, 0;
        DST_EDL: "dst_edl", Str, 10, 0;
        SRC_DAG: "src_dag", Str, 10, 0;
        DST_DAG: "dst_dag", Str, 10, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        SRC_CATEGORY: "src_category", Str, 10, 0;
        SRC_PROFILE: "src_profile", Str, 10, 0;
        SRC_MODEL: "src_model", Str, 10, 0;
        SRC_VENDOR: "src_vendor", Str, 10, 0;
        SRC_OSFAMILY: "src_osfamily", Str, 10, 0;
        SRC_OSVERSION: "src_osversion", Str, 10, 0;
        SRC_HOST: "src_host", Str, 10, 0;
        SRC_MAC: "src_mac", Str, 10, 0;
        DST_CATEGORY: "dst_category", Str, 10, 0;
        DST_PROFILE: "dst_profile", Str, 10, 0;
        DST_MODEL: "dst_model", Str, 10, 0;
        DST_VENDOR: "dst_vendor", Str, 10, 0;
        DST_OSFAMILY: "dst_osfamily", Str, 10, 0;
        DST_OSVERSION: "dst_osversion", Str, 10, 0;
        DST_HOST: "dst_host", Str, 10, 0;
        DST_MAC: "dst_mac", Str, 10, 0;
        SEQNO: "seqno", Int, 10, 0;
        ACTIONFLAGS: "actionflags", Hex, 10, 0;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 10, 1;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 10, 1;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 10, 1;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 10, 1;
        VSYS_NAME: "vsys_name", Str, 10, 1;
        DEVICE_NAME: "device_name", Str, 10, 1;
        VSYS_ID: "vsys_id", Int, 10, 1;
        SUBCATEGORY_OF_APP: "subcategory_of_app", Str, 10, 1;
        CATEGORY_OF_APP: "category_of_app", Str, 10, 1;
        TECHNOLOGY_OF_APP: "technology_of_app", Str, 10, 1;
        RISK_OF_APP: "risk_of_app", Int, 10, 1;
        CHARACTERISTIC_OF_APP: "characteristic_of_app", Str, 10, 1;
        CONTAINER_OF_APP: "container_of_app", Str, 10, 1;
        TUNNELED_APP: "tunneled_app", Str, 10, 1;
        IS_SAAS_OF_APP: "is_saas_of_app", Enum, 10, 1;
        SANCTIONED_STATE_OF_APP: "sanctioned_state_of_app", Enum, 10, 1;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
    ]
}

columns! {
    /// The TUNNEL columns, in wire order (from `tunnel.tsv`).
    TUNNEL, tunnel: [
        FUTURE_USE_0: "future_use_0", Str, 8, 0;
        RECEIVE_TIME: "receive_time", Timestamp, 8, 0;
        SERIAL: "serial", Str, 8, 0;
        TYPE: "type", Enum, 8, 0;
        SUBTYPE: "subtype", Enum, 8, 0;
        FUTURE_USE_5: "future_use_5", Str, 8, 0;
        TIME_GENERATED: "time_generated", Timestamp, 8, 0;
        SRC: "src", Ip, 8, 0;
        DST: "dst", Ip, 8, 0;
        NATSRC: "natsrc", Ip, 8, 0;
        NATDST: "natdst", Ip, 8, 0;
        RULE: "rule", Str, 8, 0;
        SRCUSER: "srcuser", Str, 8, 0;
        DSTUSER: "dstuser", Str, 8, 0;
        APP: "app", Str, 8, 0;
        VSYS: "vsys", Str, 8, 0;
        FROM: "from", Str, 8, 0;
        TO: "to", Str, 8, 0;
        INBOUND_IF: "inbound_if", Str, 8, 0;
        OUTBOUND_IF: "outbound_if", Str, 8, 0;
        LOGSET: "logset", Str, 8, 0;
        FUTURE_USE_21: "future_use_21", Str, 8, 0;
        SESSIONID: "sessionid", Int, 8, 0;
        REPEATCNT: "repeatcnt", Int, 8, 0;
        SPORT: "sport", Port, 8, 0;
        DPORT: "dport", Port, 8, 0;
        NATSPORT: "natsport", Port, 8, 0;
        NATDPORT: "natdport", Port, 8, 0;
        FLAGS: "flags", Hex, 8, 0;
        PROTO: "proto", Enum, 8, 0;
        ACTION: "action", Enum, 8, 0;
        SEVERITY: "severity", Enum, 8, 0;
        SEQNO: "seqno", Int, 8, 0;
        ACTIONFLAGS: "actionflags", Hex, 8, 0;
        SRCLOC: "srcloc", Str, 8, 0;
        DSTLOC: "dstloc", Str, 8, 0;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 8, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 8, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 8, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 8, 0;
        VSYS_NAME: "vsys_name", Str, 8, 0;
        DEVICE_NAME: "device_name", Str, 8, 0;
        TUNNELID_IMSI: "tunnelid_imsi", Str, 8, 0;
        MONITORTAG_IMEI: "monitortag_imei", Str, 8, 0;
        PARENT_SESSION_ID: "parent_session_id", Int, 8, 0;
        PARENT_START_TIME: "parent_start_time", Timestamp, 8, 0;
        TUNNEL: "tunnel", Enum, 8, 0;
        BYTES: "bytes", Int, 8, 0;
        BYTES_SENT: "bytes_sent", Int, 8, 0;
        BYTES_RECEIVED: "bytes_received", Int, 8, 0;
        PACKETS: "packets", Int, 8, 0;
        PKTS_SENT: "pkts_sent", Int, 8, 0;
        PKTS_RECEIVED: "pkts_received", Int, 8, 1;
        MAX_ENCAP: "max_encap", Int, 8, 0;
        UNKNOWN_PROTO: "unknown_proto", Int, 8, 0;
        STRICT_CHECK: "strict_check", Int, 8, 0;
        TUNNEL_FRAGMENT: "tunnel_fragment", Int, 8, 0;
        SESSIONS_CREATED: "sessions_created", Int, 8, 0;
        SESSIONS_CLOSED: "sessions_closed", Int, 8, 0;
        SESSION_END_REASON: "session_end_reason", Enum, 8, 0;
        ACTION_SOURCE: "action_source", Enum, 8, 0;
        START: "start", Timestamp, 8, 0;
        ELAPSED: "elapsed", Int, 8, 0;
        TUNNEL_INSP_RULE: "tunnel_insp_rule", Str, 9, 0;
        REMOTE_USER_IP: "remote_user_ip", Ip, 9, 0;
        REMOTE_USER_ID: "remote_user_id", Str, 9, 0;
        RULE_UUID: "rule_uuid", Str, 9, 0;
        PCAP_ID: "pcap_id", Int, 9, 0;
        DYNUSERGROUP_NAME: "dynusergroup_name", Str, 9, 0;
        SRC_EDL: "src_edl", Str, 10, 0;
        DST_EDL: "dst_edl", Str, 10, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        NSSAI_SD: "nssai_sd", Str, 10, 0;
        NSSAI_SST: "nssai_sst", Str, 10, 0;
        PDU_SESSION_ID: "pdu_session_id", Int, 10, 0;
        SUBCATEGORY_OF_APP: "subcategory_of_app", Str, 10, 1;
        CATEGORY_OF_APP: "category_of_app", Str, 10, 1;
        TECHNOLOGY_OF_APP: "technology_of_app", Str, 10, 1;
        RISK_OF_APP: "risk_of_app", Int, 10, 1;
        CHARACTERISTIC_OF_APP: "characteristic_of_app", Str, 10, 1;
        CONTAINER_OF_APP: "container_of_app", Str, 10, 1;
        IS_SAAS_OF_APP: "is_saas_of_app", Enum, 10, 1;
        SANCTIONED_STATE_OF_APP: "sanctioned_state_of_app", Enum, 10, 1;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
    ]
}

columns! {
    /// The GTP columns, in wire order (from `gtp.tsv`).
    GTP, gtp: [
        FUTURE_USE_0: "future_use_0", Str, 8, 0;
        RECEIVE_TIME: "receive_time", Timestamp, 8, 0;
        SERIAL: "serial", Str, 8, 0;
        TYPE: "type", Enum, 8, 0;
        SUBTYPE: "subtype", Enum, 8, 0;
        FUTURE_USE_5: "future_use_5", Str, 8, 0;
        TIME_GENERATED: "time_generated", Timestamp, 8, 0;
        SRC: "src", Ip, 8, 0;
        DST: "dst", Ip, 8, 0;
        FUTURE_USE_9: "future_use_9", Str, 8, 0;
        FUTURE_USE_10: "future_use_10", Str, 8, 0;
        RULE: "rule", Str, 8, 0;
        FUTURE_USE_12: "future_use_12", Str, 8, 0;
        FUTURE_USE_13: "future_use_13", Str, 8, 0;
        APP: "app", Str, 8, 0;
        VSYS: "vsys", Str, 8, 0;
        FROM: "from", Str, 8, 0;
        TO: "to", Str, 8, 0;
        INBOUND_IF: "inbound_if", Str, 8, 0;
        OUTBOUND_IF: "outbound_if", Str, 8, 0;
        LOGSET: "logset", Str, 8, 0;
        FUTURE_USE_21: "future_use_21", Str, 8, 0;
        SESSIONID: "sessionid", Int, 8, 0;
        FUTURE_USE_23: "future_use_23", Str, 8, 0;
        SPORT: "sport", Port, 8, 0;
        DPORT: "dport", Port, 8, 0;
        FUTURE_USE_26: "future_use_26", Str, 8, 0;
        FUTURE_USE_27: "future_use_27", Str, 8, 0;
        FUTURE_USE_28: "future_use_28", Str, 8, 0;
        PROTO: "proto", Enum, 8, 0;
        ACTION: "action", Enum, 8, 0;
        EVENT_TYPE: "event_type", Enum, 8, 0;
        MSISDN: "msisdn", Str, 8, 0;
        APN: "apn", Str, 8, 0;
        RAT: "rat", Enum, 8, 0;
        MSG_TYPE: "msg_type", Enum, 8, 0;
        END_IP_ADR: "end_ip_adr", Ip, 8, 0;
        TEID1: "teid1", Int, 8, 0;
        TEID2: "teid2", Int, 8, 0;
        GTP_INTERFACE: "gtp_interface", Str, 8, 0;
        CAUSE_CODE: "cause_code", Int, 8, 0;
        SEVERITY: "severity", Enum, 8, 0;
        MCC: "mcc", Str, 8, 0;
        MNC: "mnc", Str, 8, 0;
        AREA_CODE: "area_code", Int, 8, 0;
        CELL_ID: "cell_id", Int, 8, 0;
        EVENT_CODE: "event_code", Int, 8, 0;
        FUTURE_USE_47: "future_use_47", Str, 8, 0;
        FUTURE_USE_48: "future_use_48", Str, 8, 0;
        SRCLOC: "srcloc", Str, 8, 0;
        DSTLOC: "dstloc", Str, 8, 0;
        FUTURE_USE_51: "future_use_51", Str, 8, 0;
        FUTURE_USE_52: "future_use_52", Str, 8, 0;
        FUTURE_USE_53: "future_use_53", Str, 8, 0;
        FUTURE_USE_54: "future_use_54", Str, 8, 0;
        FUTURE_USE_55: "future_use_55", Str, 8, 0;
        FUTURE_USE_56: "future_use_56", Str, 8, 0;
        FUTURE_USE_57: "future_use_57", Str, 8, 0;
        TUNNELID_IMSI: "tunnelid_imsi", Str, 8, 0;
        MONITORTAG_IMEI: "monitortag_imei", Str, 8, 0;
        FUTURE_USE_60: "future_use_60", Str, 8, 0;
        FUTURE_USE_61: "future_use_61", Str, 8, 0;
        FUTURE_USE_62: "future_use_62", Str, 8, 0;
        FUTURE_USE_63: "future_use_63", Str, 8, 0;
        FUTURE_USE_64: "future_use_64", Str, 8, 0;
        FUTURE_USE_65: "future_use_65", Str, 8, 0;
        FUTURE_USE_66: "future_use_66", Str, 8, 0;
        FUTURE_USE_67: "future_use_67", Str, 8, 0;
        FUTURE_USE_68: "future_use_68", Str, 8, 0;
        FUTURE_USE_69: "future_use_69", Str, 8, 0;
        FUTURE_USE_70: "future_use_70", Str, 8, 0;
        FUTURE_USE_71: "future_use_71", Str, 8, 0;
        FUTURE_USE_72: "future_use_72", Str, 8, 0;
        FUTURE_USE_73: "future_use_73", Str, 8, 0;
        FUTURE_USE_74: "future_use_74", Str, 8, 0;
        FUTURE_USE_75: "future_use_75", Str, 8, 0;
        START: "start", Timestamp, 8, 0;
        ELAPSED: "elapsed", Int, 8, 0;
        TUNNEL_INSP_RULE: "tunnel_insp_rule", Str, 9, 0;
        REMOTE_USER_IP: "remote_user_ip", Ip, 9, 0;
        REMOTE_USER_ID: "remote_user_id", Str, 9, 0;
        RULE_UUID: "rule_uuid", Str, 9, 0;
        PCAP_ID: "pcap_id", Int, 9, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        NSSAI_SST: "nssai_sst", Str, 10, 0;
        NSSAI_SD: "nssai_sd", Str, 10, 0;
        SUBCATEGORY_OF_APP: "subcategory_of_app", Str, 10, 1;
        CATEGORY_OF_APP: "category_of_app", Str, 10, 1;
        TECHNOLOGY_OF_APP: "technology_of_app", Str, 10, 1;
        RISK_OF_APP: "risk_of_app", Int, 10, 1;
        CHARACTERISTIC_OF_APP: "characteristic_of_app", Str, 10, 1;
        CONTAINER_OF_APP: "container_of_app", Str, 10, 1;
        IS_SAAS_OF_APP: "is_saas_of_app", Enum, 10, 1;
        SANCTIONED_STATE_OF_APP: "sanctioned_state_of_app", Enum, 10, 1;
    ]
}

columns! {
    /// The SCTP columns, in wire order (from `sctp.tsv`).
    SCTP, sctp: [
        FUTURE_USE_0: "future_use_0", Str, 8, 1;
        RECEIVE_TIME: "receive_time", Timestamp, 8, 1;
        SERIAL: "serial", Str, 8, 1;
        TYPE: "type", Enum, 8, 1;
        FUTURE_USE_4: "future_use_4", Str, 8, 1;
        FUTURE_USE_5: "future_use_5", Str, 8, 1;
        TIME_GENERATED: "time_generated", Timestamp, 8, 1;
        SRC: "src", Ip, 8, 1;
        DST: "dst", Ip, 8, 1;
        FUTURE_USE_9: "future_use_9", Str, 8, 1;
        FUTURE_USE_10: "future_use_10", Str, 8, 1;
        RULE: "rule", Str, 8, 1;
        FUTURE_USE_12: "future_use_12", Str, 8, 1;
        FUTURE_USE_13: "future_use_13", Str, 8, 1;
        FUTURE_USE_14: "future_use_14", Str, 8, 1;
        VSYS: "vsys", Str, 8, 1;
        FROM: "from", Str, 8, 1;
        TO: "to", Str, 8, 1;
        INBOUND_IF: "inbound_if", Str, 8, 1;
        OUTBOUND_IF: "outbound_if", Str, 8, 1;
        LOGSET: "logset", Str, 8, 1;
        FUTURE_USE_21: "future_use_21", Str, 8, 1;
        SESSIONID: "sessionid", Int, 8, 1;
        REPEATCNT: "repeatcnt", Int, 8, 1;
        SPORT: "sport", Port, 8, 1;
        DPORT: "dport", Port, 8, 1;
        FUTURE_USE_26: "future_use_26", Str, 8, 1;
        FUTURE_USE_27: "future_use_27", Str, 8, 1;
        FUTURE_USE_28: "future_use_28", Str, 8, 1;
        FUTURE_USE_29: "future_use_29", Str, 8, 1;
        PROTO: "proto", Enum, 8, 1;
        ACTION: "action", Enum, 8, 1;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 8, 1;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 8, 1;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 8, 1;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 8, 1;
        VSYS_NAME: "vsys_name", Str, 8, 1;
        DEVICE_NAME: "device_name", Str, 8, 1;
        SEQNO: "seqno", Int, 8, 1;
        FUTURE_USE_39: "future_use_39", Str, 8, 1;
        ASSOC_ID: "assoc_id", Int, 8, 1;
        PPID: "ppid", Int, 8, 1;
        SEVERITY: "severity", Enum, 8, 1;
        SCTP_CHUNK_TYPE: "sctp_chunk_type", Enum, 8, 1;
        FUTURE_USE_44: "future_use_44", Str, 8, 1;
        VERIF_TAG_1: "verif_tag_1", Hex, 8, 1;
        VERIF_TAG_2: "verif_tag_2", Hex, 8, 1;
        SCTP_CAUSE_CODE: "sctp_cause_code", Int, 8, 1;
        DIAM_APP_ID: "diam_app_id", Int, 8, 1;
        DIAM_CMD_CODE: "diam_cmd_code", Int, 8, 1;
        DIAM_AVP_CODE: "diam_avp_code", Int, 8, 1;
        STREAM_ID: "stream_id", Int, 8, 1;
        ASSOC_END_REASON: "assoc_end_reason", Enum, 8, 1;
        OP_CODE: "op_code", Int, 8, 1;
        SCCP_CALLING_SSN: "sccp_calling_ssn", Int, 8, 1;
        SCCP_CALLING_GT: "sccp_calling_gt", Str, 8, 1;
        SCTP_FILTER: "sctp_filter", Str, 8, 1;
        CHUNKS: "chunks", Int, 8, 1;
        CHUNKS_SENT: "chunks_sent", Int, 8, 1;
        CHUNKS_RECEIVED: "chunks_received", Int, 8, 1;
        PACKETS: "packets", Int, 8, 1;
        PKTS_SENT: "pkts_sent", Int, 8, 1;
        PKTS_RECEIVED: "pkts_received", Int, 8, 1;
        RULE_UUID: "rule_uuid", Str, 9, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
    ]
}

columns! {
    /// The IPTAG columns, in wire order (from `iptag.tsv`).
    IPTAG, iptag: [
        FUTURE_USE_0: "future_use_0", Str, 9, 0;
        RECEIVE_TIME: "receive_time", Timestamp, 9, 0;
        SERIAL: "serial", Str, 9, 0;
        TYPE: "type", Enum, 9, 0;
        SUBTYPE: "subtype", Enum, 9, 0;
        FUTURE_USE_5: "future_use_5", Str, 9, 0;
        TIME_GENERATED: "time_generated", Timestamp, 9, 0;
        VSYS: "vsys", Str, 9, 0;
        SRC: "src", Ip, 9, 0;
        TAG_NAME: "tag_name", Str, 9, 0;
        EVENTID: "eventid", Str, 9, 0;
        REPEATCNT: "repeatcnt", Int, 9, 0;
        TIMEOUT: "timeout", Int, 9, 0;
        DATASOURCENAME: "datasourcename", Str, 9, 0;
        DATASOURCE_TYPE: "datasource_type", Str, 9, 0;
        DATASOURCE_SUBTYPE: "datasource_subtype", Str, 9, 0;
        SEQNO: "seqno", Int, 9, 0;
        ACTIONFLAGS: "actionflags", Hex, 9, 0;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 9, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 9, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 9, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 9, 0;
        VSYS_NAME: "vsys_name", Str, 9, 0;
        DEVICE_NAME: "device_name", Str, 9, 0;
        VSYS_ID: "vsys_id", Int, 9, 0;
        HIGH_RES_TIMESTAMP: "high_res_timestamp", Timestamp, 10, 0;
        CLUSTER_NAME: "cluster_name", Str, 11, 1;
    ]
}

columns! {
    /// The CORRELATION columns, in wire order (from `correlation.tsv`).
    CORRELATION, correlation: [
        FUTURE_USE_0: "future_use_0", Str, 7, 0;
        RECEIVE_TIME: "receive_time", Timestamp, 7, 0;
        SERIAL: "serial", Str, 7, 0;
        TYPE: "type", Enum, 7, 0;
        SUBTYPE: "subtype", Enum, 7, 0;
        FUTURE_USE_5: "future_use_5", Str, 7, 0;
        TIME_GENERATED: "time_generated", Timestamp, 7, 0;
        SRC: "src", Ip, 7, 0;
        SRCUSER: "srcuser", Str, 7, 0;
        VSYS: "vsys", Str, 7, 0;
        CATEGORY: "category", Str, 7, 0;
        SEVERITY: "severity", Enum, 7, 0;
        DG_HIER_LEVEL_1: "dg_hier_level_1", Int, 7, 0;
        DG_HIER_LEVEL_2: "dg_hier_level_2", Int, 7, 0;
        DG_HIER_LEVEL_3: "dg_hier_level_3", Int, 7, 0;
        DG_HIER_LEVEL_4: "dg_hier_level_4", Int, 7, 0;
        VSYS_NAME: "vsys_name", Str, 7, 0;
        DEVICE_NAME: "device_name", Str, 7, 0;
        VSYS_ID: "vsys_id", Int, 7, 0;
        OBJECTNAME: "objectname", Str, 7, 0;
        OBJECT_ID: "object_id", Int, 7, 0;
        EVIDENCE: "evidence", Str, 7, 0;
    ]
}

columns! {
    /// The AUDIT columns, in wire order (from `audit.tsv`).
    AUDIT, audit: [
        SERIAL: "serial", Str, 10, 1;
        TIME_GENERATED: "time_generated", Timestamp, 10, 1;
        SUBTYPE: "subtype", Enum, 10, 1;
        FUTURE_USE_3: "future_use_3", Str, 10, 1;
        EVENTID: "eventid", Str, 10, 1;
        OBJECT: "object", Str, 10, 1;
        CMD: "cmd", Str, 10, 1;
        SEVERITY: "severity", Str, 10, 1;
    ]
}

columns! {
    /// The DNS security columns (`LogType=DNS`, a type only Strata Logging
    /// Service / the cloud forwarder writes: no PAN-OS syslog layout and no
    /// field-reference table). Written by hand from the forwarder's key list
    /// (`reference/formats/JSON.md` §4.13): the seven columns every type
    /// starts with, then one per key, under the name the other types give the
    /// same field (`src`, `from`, `threatid`, ...).
    DNS, dns: [
        FUTURE_USE_0: "future_use_0", Str, 10, 0;
        RECEIVE_TIME: "receive_time", Timestamp, 10, 0;
        SERIAL: "serial", Str, 10, 0;
        TYPE: "type", Enum, 10, 0;
        SUBTYPE: "subtype", Enum, 10, 0;
        FUTURE_USE_5: "future_use_5", Str, 10, 0;
        TIME_GENERATED: "time_generated", Timestamp, 10, 0;
        /// The client that asked.
        SRC: "src", Ip, 10, 0;
        /// The resolver the query went to.
        DST: "dst", Ip, 10, 0;
        FROM: "from", Str, 10, 0;
        TO: "to", Str, 10, 0;
        ACTION: "action", Enum, 10, 0;
        /// The query's record type (`A`, `AAAA`, ...).
        RECORD_TYPE: "record_type", Str, 10, 0;
        THREATID: "threatid", ThreatId, 10, 0;
        /// The DNS security category.
        CATEGORY: "category", Str, 10, 0;
        THREAT_NAME: "threat_name", Str, 10, 0;
        DNS_RESPONSE: "dns_response", Str, 10, 0;
        DSTUSER: "dstuser", Str, 10, 0;
        VSYS: "vsys", Str, 10, 0;
        DEVICE_NAME: "device_name", Str, 10, 0;
        SEQNO: "seqno", Int, 10, 0;
    ]
}
