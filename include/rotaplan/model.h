/*
 * model.h: the programme and the cohort as data, the first stage of the pipeline
 * (model -> translate -> solve -> decode -> check -> report).
 *
 * A programme model (models/<id>.yaml) holds the calendar, the facilities with their departments and
 * figures, the courses, the readings chosen where the seed is ambiguous (RULES.md section D), the
 * objective weights and every rule as data (id, kind, class, source, parameters). A cohort
 * (examples/<name>.yaml, or the programme's default cohort) holds the residents with their course,
 * wishes, pinned stints and leave.
 *
 * Ownership: rp_model_load and rp_cohort_load return objects that own every string and array
 * they point to (one arena each). Pointers into them are valid until rp_model_free or
 * rp_cohort_free. Facilities, departments, courses and residents are referred to by index.
 */
#ifndef ROTAPLAN_MODEL_H
#define ROTAPLAN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/date.h"
#include "rotaplan/diag.h"

#define RP_NONE (-1) /* no facility, department or course */
#define RP_ANY (-2)  /* course: the solver chooses */

/* Where a value came from, for located messages. file is borrowed from the owner's arena. */
typedef struct rp_pos {
    const char *file;
    int line, col; /* 1-based */
} rp_pos;

typedef enum rp_unit { RP_UNIT_MONTH, RP_UNIT_WEEK } rp_unit;

typedef struct rp_calendar {
    rp_unit unit;
    int start_month, start_day; /* each programme year starts on this day (April 1) */
    int years;                  /* programme length in years */
    int periods_per_year;       /* 12 months, or 52 weeks */
    int days_per_week;          /* credit days a week (INIT-03: 5) */
    int leave_allowance_days;   /* leave beyond this extends the programme (INIT-60/61); 0: none */
} rp_calendar;

/* Radiology roles (RULES.md 0.4): 基幹施設, 連携施設, 関連施設. */
typedef enum rp_role { RP_ROLE_BASE, RP_ROLE_PARTNER, RP_ROLE_RELATED } rp_role;

/* 日本医学放射線学会 accreditation. */
typedef enum rp_accreditation {
    RP_ACCR_NONE,
    RP_ACCR_SOGO,    /* 総合修練 */
    RP_ACCR_SHUREN,  /* 修練 */
    RP_ACCR_TOKUSHU, /* 特殊修練 */
} rp_accreditation;

typedef enum rp_tristate { RP_NO, RP_YES, RP_DISPUTED } rp_tristate;

/* The two-year initial residency's kinds of facility (RULES.md 0.3). */
typedef enum rp_facility_kind {
    RP_KIND_NONE,          /* not given (the radiology programme's facilities have roles) */
    RP_KIND_CORE,          /* 基幹型臨床研修病院 */
    RP_KIND_COOP,          /* 協力型臨床研修病院 */
    RP_KIND_COOP_FACILITY, /* 臨床研修協力施設: a hospital or clinic */
    RP_KIND_ADMIN,         /* 臨床研修協力施設 of 保健・医療行政 */
    RP_KIND_OVERSEAS,      /* an overseas institution */
} rp_facility_kind;

/* Fields of training (RULES.md 0.3): every department maps to one. */
typedef enum rp_field {
    RP_FIELD_IM,     /* 内科 */
    RP_FIELD_EM,     /* 救急 */
    RP_FIELD_SURG,   /* 外科 */
    RP_FIELD_PED,    /* 小児科 */
    RP_FIELD_OBGYN,  /* 産婦人科 */
    RP_FIELD_PSY,    /* 精神科 */
    RP_FIELD_CM,     /* 地域医療 */
    RP_FIELD_GO,     /* 一般外来 */
    RP_FIELD_ANES,   /* 麻酔科 */
    RP_FIELD_PH,     /* 保健・医療行政 */
    RP_FIELD_ORIENT, /* オリエンテーション */
    RP_FIELD_ELECT,  /* every other department: 選択科 */
    RP_N_FIELDS
} rp_field;

typedef struct rp_department {
    const char *id;
    const char *name;     /* may be NULL */
    int capacity;         /* residents at once; -1 when the model sets no limit */
    double instructors;   /* 指導医 of the department (INIT-70); -1 when not given */
    rp_field field;       /* its field: given, or from the model's table of fields, else ELECT */
    int go_field;         /* a general clinic (field GO): the field it is the general clinic of
                           * (INIT-34, INIT-37), or RP_NONE */
    bool half_day_only;   /* a clinic open mornings only: a session counts 0.5 day (INIT-38) */
    bool em_content;      /* anesthesiology whose weeks may count toward emergency (INIT-23) */
    rp_pos pos;
} rp_department;

typedef struct rp_facility {
    const char *id;
    const char *name;
    const char *prefecture;
    rp_role role;
    rp_accreditation accreditation;         /* the 2017 table's value (RULES.md C-1) */
    rp_accreditation accreditation_heading; /* the §2 heading's value; differs only for D-1 */
    double instructors;                     /* the table share (指導医数 ÷ programmes), D-8 */
    int instructors_named;                  /* persons named in §2; -1 when not given */
    double ct, ivr, rt;                     /* annual figures allotted to the programme */
    rp_tristate rt_capable;                 /* C-5; RP_DISPUTED for D-3 */
    bool dispatched_instructor;             /* RAD-29: out-of-prefecture with a keio instructor */
    rp_facility_kind kind;                  /* initial residency: core, coop, ... */
    int beds;                               /* 許可病床数; -1 when not given */
    int admissions;                         /* yearly admissions (INIT-71); -1 when not given */
    bool remote;                            /* へき地・離島 (INIT-42) */
    const char *remote_basis;               /* the law that makes it remote */
    bool home_care;                         /* provides 在宅医療 (INIT-43) */
    const char *area;                       /* 二次医療圏 (INIT-52) */
    int go_field;                           /* the field its general clinic serves, or RP_NONE */
    const char *out_of_area_justification;  /* INIT-52 */
    rp_department *departments;
    size_t n_departments;
    rp_pos pos;
} rp_facility;

typedef struct rp_course {
    const char *id;
    const char *name;
    rp_role *year_roles; /* calendar.years entries: base or partner */
    int window_year;     /* RAD-08: year holding an optional partner window; 0 when none */
    int window_months;   /* its exact length */
    bool graduate_school;
    int graduate_entry_year; /* default entry year when graduate_school (RAD-10) */
    rp_pos pos;
} rp_course;

/* Rule classes of RULES.md 0.1 that a model's rule instance may carry. */
typedef enum rp_rule_class {
    RP_CLASS_HARD,           /* HARD */
    RP_CLASS_HARD_PRINCIPLE, /* HARD*: 原則; treated as HARD, said so in messages */
    RP_CLASS_PROGRAMME,      /* PROG: holds when enabled */
    RP_CLASS_SOFT,           /* SOFT: a warning */
    RP_CLASS_INTAKE,         /* a rule on the cohort's size, not on assignments */
} rp_rule_class;

struct rp_rule_kind;

typedef struct rp_rule {
    const char *id;     /* "RAD-04" */
    const char *source; /* the seed citation, e.g. "003 §7-1 (L535)" */
    const char *note;   /* the reading taken, or NULL */
    rp_rule_class cls;
    bool enabled;
    const struct rp_rule_kind *kind;
    void *params; /* the kind's parameters; freed by kind->free_params with the model */
    rp_pos pos;
} rp_rule;

/* RULES.md section D: the readings a model may choose. Every default is the conservative one. */
typedef struct rp_readings {
    bool accreditation_heading; /* D-1: use §2 headings (yokohama-tobu 総合修練); default table */
    bool rt_disputed_capable;   /* D-3: count disputed RT facilities for RAD-20; default no */
    bool totals_computed;       /* D-6: cap from column sums; default the printed totals */
    bool instructors_named;     /* D-8: RAD-12 from named persons; default table shares */
    bool presence_counts_leave; /* D-9: leave months count as presence; default no */
    bool intake_cap_strict;     /* D-4/RAD-14: a strict breach is a violation; default a finding */
    bool capacity_counts_leave; /* RAD-12: residents on leave occupy their place; default yes */
    bool uncounted_leave_fails; /* leave that RAD-22..26 do not count extends the programme by
                                 * the months missing (default), or leaves it short (RAD-01) */
} rp_readings;

typedef struct rp_objective {
    double wishes;    /* weight of one resident's wishes (they weigh 1 in total per resident) */
    double balance;   /* weight of the facility load term */
    double soft;      /* weight of each soft rule's bonus for one resident */
    double sessions;  /* cost of a week with a parallel session: none without a reason */
    int wish_periods; /* periods at a wished place that grant the wish in full */
    /* The shape of a plan (translate/shape.c), each a cost per programme year (divided by the
     * calendar's periods a year for one period); 0 leaves the term out. */
    double stints;     /* each stint of a field beyond its first, per resident (not per year) */
    double away;       /* a period away from the core hospital (base), convex per resident */
    double excess;     /* a period in one field beyond field_periods, convex per field */
    double standard;   /* a period off the model's standard rotation */
    int field_periods; /* the stretch of the convex costs (default wish_periods) */
} rp_objective;

/* One block of the standard rotation (the programme's published pattern): a department (at any
 * facility that runs it, or at one facility), every department of a facility, a field, or free
 * choice (never off the pattern). */
typedef struct rp_std_block {
    int facility;           /* RP_NONE: any facility */
    const char *department; /* a department id, or NULL */
    int field;              /* an rp_field, or RP_NONE */
    bool free;
    int periods;
    rp_pos pos;
} rp_std_block;

/* The standard rotation (model key `standard_rotation`): year by year, the blocks in order. The
 * residents of a cohort fall into `groups` offset groups (by the rank of their id in the cohort);
 * group k follows each year's blocks rotated by k blocks (block k first). include/rotaplan/
 * shape.h reads it. */
typedef struct rp_standard {
    int groups;           /* 0: the model declares no standard rotation */
    rp_std_block *blocks; /* every year's, in order */
    size_t n_blocks;
    size_t *year_first;   /* [years + 1]: year y's blocks are year_first[y] .. year_first[y+1]-1 */
    size_t n_years;
    rp_pos pos;
} rp_standard;

/* How days are credited (RULES.md 0.3, INIT-32..38): what rows and checks share. */
typedef struct rp_crediting {
    /* fields whose blocks also count a general-outpatient session or block in their own general
     * clinic (ダブルカウント, INIT-34, INIT-37) */
    bool double_count[RP_N_FIELDS];
    /* when a community-medicine week counts (INIT-40/41/43); else it is an elective */
    int community_from_year;       /* programme year from which it counts (INIT-40: 2); 0: any */
    int community_beds_below;      /* at a facility with fewer beds (INIT-41: 200); 0: any size */
    bool community_remote_any_size; /* ... or in a remote or island area, of any size (INIT-41) */
    bool community_home_care;      /* only where home care is provided (INIT-43) */
    /* a general-clinic block counts for the field it serves only inside a run of that field of
     * at least this many periods (INIT-37 with INIT-21: 4) */
    int go_block_run;
    /* a night of emergency duty (当直) beside a block of another field earns emergency days
     * (INIT-35: 000 Q27 L42, "ただし、例えば、日中に必修分野の研修を行い、夜間に救急部門を研修する
     * ことは可能です", read as the exception to its ban on double counting: the default); false
     * is RULES.md D-15's reading, the night earns nothing. Either way it costs the block no day. */
    bool night_emergency;
} rp_crediting;

typedef struct rp_intake {
    int size;           /* yearly intake of the default cohort (RAD-15) */
    int *cohorts;       /* cohort years the default plan covers */
    size_t n_cohorts;
    int history_years;  /* RAD-14: years of past intake, 0 when not given */
    int history_total;  /* their total intake */
    const char *history_source;
    rp_pos pos;         /* the intake key's value, for located messages (an empty default cohort) */
} rp_intake;

typedef struct rp_totals {
    bool given;
    double instructors, ct, ivr, rt; /* the printed totals of the table (D-6) */
} rp_totals;

/* A change to a facility's capacity over a span of dates, as `rotaplan whatif` states it: the
 * facility withdraws (it holds no resident), its capacity (residents at once, at the facility or
 * in one department) or its instructor figure becomes value. The capacity rules (RAD-12's
 * residents per instructor, the two-year programme's department capacity) read them period by
 * period through rp_facility_instructors_on and rp_capacity_on. */
typedef enum rp_change_kind {
    RP_CHANGE_WITHDRAW,
    RP_CHANGE_CAPACITY,
    RP_CHANGE_INSTRUCTORS
} rp_change_kind;

typedef struct rp_change {
    rp_change_kind kind;
    int facility;
    int department; /* RP_CHANGE_CAPACITY: a department of the facility, or RP_NONE (the whole) */
    rp_date from;
    rp_date until;  /* inclusive; year 0 when open-ended */
    double value;   /* the capacity or instructor figure; 0 for a withdrawal */
} rp_change;

typedef struct rp_model {
    const char *path; /* as given on the command line */
    const char *id;
    const char *name;
    rp_calendar calendar;
    rp_facility *facilities;
    size_t n_facilities;
    rp_course *courses;
    size_t n_courses;
    rp_rule *rules;
    size_t n_rules;
    rp_readings readings;
    rp_objective objective;
    rp_standard standard;
    rp_intake intake;
    rp_totals totals;
    rp_crediting crediting;
    /* the fields of department ids (the model's `fields` table) */
    const char **field_ids;
    rp_field *field_of;
    size_t n_field_ids;
    /* departments where the planner may add a parallel session to a block at the same facility,
     * one day a week (the model's `parallel_training`) */
    const char **parallel_departments;
    size_t n_parallel_departments;
    /* the experience items a residents file may log (RAD-16..19, the model's `experience_items`):
     * ids and names (a name may be NULL), in the model's order */
    const char **experience_ids;
    const char **experience_names;
    size_t n_experience;
    /* departments where the planner may add night duty (当直, INIT-35) to a block of another
     * field at the same facility, one night a week (the model's `night_duty`) */
    const char **night_departments;
    size_t n_night_departments;
    /* what-if changes, in the order given (a later one wins where they overlap) */
    rp_change *changes;
    size_t n_changes, cap_changes;
    struct rp_arena *arena;
} rp_model;

/* ---- the cohort ---- */

/* A resident's status in a period (RULES.md 0.4). */
typedef enum rp_status {
    RP_STATUS_FT,        /* full-time training */
    RP_STATUS_GC,        /* clinical graduate school: counts as training */
    RP_STATUS_PT,        /* part-time, hours_per_week */
    RP_STATUS_MATERNITY, /* keeps the facility */
    RP_STATUS_SICKNESS,  /* keeps the facility */
    RP_STATUS_ABROAD,    /* study abroad: no facility */
    RP_STATUS_GNC,       /* non-clinical graduate school: no facility */
    RP_STATUS_OTHER,     /* other leave: keeps the facility, counts nothing */
    RP_STATUS_SUSPENSION, /* 休止 of the initial residency: counted in days (INIT-60) */
    RP_STATUS_AWAY,       /* a week wholly in a dated 休止 of a resident whose leave goes beyond
                           * the allowance (INIT-61): no facility, no credit; never read from a
                           * residents file, set by rp_timeline_build */
    RP_STATUS_COUNT
} rp_status;

typedef struct rp_leave {
    rp_status kind;
    int first, last; /* periods of the resident's own calendar, 1-based, inclusive; 0 when the
                      * leave is given as days only */
    double days;     /* working days of leave (休止, INIT-60): given, or the span's */
    double hours_per_week; /* part-time only */
    bool certificate;      /* maternity and sickness: document attached (RAD-22, RAD-23) */
    rp_pos pos;
} rp_leave;

typedef struct rp_pin {
    int facility;
    int department; /* RP_NONE when not pinned */
    int first, last;
    rp_pos pos;
} rp_pin;

typedef struct rp_wish {
    int facility;           /* a facility, or RP_NONE for a department wish; rank = index + 1 */
    const char *department; /* a department id (at any facility), or NULL */
    rp_pos pos;
} rp_wish;

/* The experience a resident has logged (RAD-16..19, the residents file's `experience`): counts
 * of reports, examinations and cases as first reader, operator or planner. */
typedef struct rp_experience {
    int as_of;          /* the last period of the resident the counts cover; 0 when they are the
                         * counts at completion */
    int *counts;        /* [model->n_experience]: a count, or -1 when the item is not logged */
    bool *supplemented; /* [model->n_experience]: an approved course (講習会, e-learning) makes
                         * up the item's shortfall (003 §6-2(2)(3) 補足, L502, L521) */
    rp_pos pos;
} rp_experience;

/* Graduate school in courses D and E (RAD-10): clinical (大学院・臨床, counts as training) or
 * without clinical work (counts nothing: 003 §10(5), L781). */
typedef enum rp_graduate { RP_GRADUATE_CLINICAL, RP_GRADUATE_NONCLINICAL } rp_graduate;

typedef struct rp_resident {
    const char *id;
    const char *name;          /* may be NULL */
    int cohort;                /* the calendar year the resident started */
    int course;                /* index into model->courses, or RP_ANY */
    int graduate_entry_year;   /* 0: the course's default */
    rp_graduate graduate;      /* the graduate school's status (RAD-10), clinical by default */
    rp_experience *experience; /* NULL when the residents file logs none; in the cohort's arena */
    rp_wish *wishes;
    size_t n_wishes;
    rp_pin *pins;
    size_t n_pins;
    rp_leave *leave;
    size_t n_leave;
    /* RAD-27: the periods beyond the programme's length that a rule needs after the resident's
     * leave (its presence cannot reach the rule's minimum inside the programme), and that rule
     * (index into model->rules, RP_NONE when none); set by rp_resident_extend */
    int rule_extension;
    int extension_rule;
    rp_pos pos;
} rp_resident;

/* Residents in one residents file or plan: ids are compared pairwise (duplicates), so a file of
 * a million rows would take hours; 20,000 take a second. */
#define RP_MAX_RESIDENTS 20000

typedef struct rp_cohort {
    const char *path; /* NULL for the default cohort */
    rp_resident *residents;
    size_t n_residents;
    struct rp_arena *arena;
} rp_cohort;

/*
 * rp_model_load: reads a programme model. Returns 0 and sets *out (free with rp_model_free), or
 * returns -1, leaves *out untouched and appends every error found to d.
 */
int rp_model_load(const char *path, rp_model **out, rp_diags *d);
void rp_model_free(rp_model *m); /* NULL does nothing */
/* The default model embedded in the binary at build time (models/radiology-keio-2019.yaml);
 * as rp_model_load. */
int rp_model_load_default(rp_model **out, rp_diags *d);

/*
 * rp_cohort_load: reads a residents file against model m. Returns 0 and sets *out, or -1 with
 * every error in d (unknown facility or course, duplicate id, a period outside the horizon...).
 */
int rp_cohort_load(const rp_model *m, const char *path, rp_cohort **out, rp_diags *d);

/* The programme's default cohort: intake.size residents for each year of intake.cohorts, course
 * any, no wishes. Ids are "<year>-<nn>". Never fails. */
rp_cohort *rp_cohort_default(const rp_model *m);

/* An empty cohort to which rp_cohort_add_resident appends (used by the plan reader). */
rp_cohort *rp_cohort_new(void);
rp_resident *rp_cohort_add_resident(rp_cohort *c, const char *id, int cohort, int course);
void rp_cohort_free(rp_cohort *c); /* NULL does nothing */

/* Lookups by id: the index, or RP_NONE. */
int rp_model_facility(const rp_model *m, const char *id);
int rp_model_course(const rp_model *m, const char *id);
int rp_facility_department(const rp_facility *f, const char *id);
int rp_cohort_resident(const rp_cohort *c, const char *id);

/* The names the model's YAML uses, indexed by the enums. */
#define RP_N_ROLES 3
#define RP_N_ACCREDITATIONS 4
#define RP_N_KINDS 6
extern const char *const rp_role_names[RP_N_ROLES];
extern const char *const rp_accreditation_names[RP_N_ACCREDITATIONS];
extern const char *const rp_kind_names[RP_N_KINDS]; /* [0] is "none" */
extern const char *const rp_field_names[RP_N_FIELDS];

/* The field of a department id under the model's table (ELECT when it is not listed). */
rp_field rp_model_field_of(const rp_model *m, const char *department);
/* Whether department id is known to the model: in its table of fields, or at some facility. */
bool rp_model_knows_department(const rp_model *m, const char *department);
/* The facility or department id nearest to a misspelt id (a "did you mean" hint), or NULL when
 * none is near enough. Borrowed from m. */
const char *rp_model_nearest_place(const rp_model *m, const char *id);
/* Appends a what-if change (copied). */
void rp_model_add_change(rp_model *m, const rp_change *c);
/* The first day of a slot of the shared calendar (calendar.h). */
rp_date rp_slot_first_day(const rp_model *m, long slot);
/* A facility's instructor figure on a slot: rp_facility_instructors unless a change says
 * otherwise (0 while it is withdrawn). */
double rp_facility_instructors_on(const rp_model *m, int facility, long slot);
/* Residents a facility (department RP_NONE) or one of its departments may hold at once on a
 * slot: the department's own capacity (-1: none) bounded by the changes in force (0 while the
 * facility is withdrawn). */
int rp_capacity_on(const rp_model *m, int facility, int department, long slot);
/* Whether some change touches the facility on the slot; *withdrawn says whether it withdrew. */
bool rp_changed_on(const rp_model *m, int facility, long slot, bool *withdrawn);

/* The leave a resident takes, in days (INIT-60). */
double rp_resident_leave_days(const rp_resident *r);

/* Names for messages and output. */
const char *rp_role_name(rp_role r);               /* "base", "partner", "related" */
const char *rp_role_label(rp_role r); /* the same word for people, in the messages' language */
const char *rp_accreditation_name(rp_accreditation a); /* "総合修練", ... "none" */
const char *rp_status_name(rp_status s);           /* "full-time", "maternity", ... */
const char *rp_class_name(rp_rule_class c);        /* "hard", "hard (原則)", "programme", ... */

/* The accreditation rules use under the model's reading (D-1). */
rp_accreditation rp_facility_accreditation(const rp_model *m, int facility);
/* Whether a facility counts as radiotherapy-capable under the model's reading (D-3). */
bool rp_facility_rt_capable(const rp_model *m, int facility);
/* The instructor figure RAD-12 uses under the model's reading (D-8). */
double rp_facility_instructors(const rp_model *m, int facility);

#endif
