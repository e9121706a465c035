/*
 * floor.c — the "floor" of the gridpay benchmark: the least work any program built on the
 * same two C libraries must do for a month.
 *
 *   floor <cells> <out.xlsx> <csv files...>
 *
 * (a) Parses every CSV file with libcsv alone: 1 MiB read() chunks, the options gridpay uses
 *     (CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI | CSV_APPEND_NULL, a space function that
 *     treats nothing as space), callbacks that only count fields and records (no allocation
 *     per field, no decoding, no hashing, no validation).
 * (b) Writes <cells> cells with libxlsxwriter alone in constant_memory mode: 5 sheets, rows of
 *     15 cells (5 short strings, 10 numbers), no formats, the cells split over the sheets
 *     roughly as gridpay's workbook splits them (most in the first three sheets).
 *
 * Prints one line: "records=<n> fields=<n> bytes=<n> cells=<n>" (records include header rows).
 * Build: gcc -O2 -o floor floor.c -lcsv -lxlsxwriter
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define CHUNK (1 << 20)
#define ROW_CELLS 15
#define STRING_COLS 5

struct counts {
    uint64_t fields;
    uint64_t records;
};

static void on_field(void *data, size_t len, void *ctx) {
    (void)data;
    (void)len;
    ((struct counts *)ctx)->fields++;
}

static void on_record(int terminator, void *ctx) {
    (void)terminator;
    ((struct counts *)ctx)->records++;
}

static int no_space(unsigned char c) {
    (void)c;
    return 0;
}

static uint64_t parse_file(const char *path, struct csv_parser *parser, struct counts *counts,
                           char *buffer) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    if (csv_init(parser, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        fprintf(stderr, "floor: csv_init failed\n");
        exit(1);
    }
    csv_set_space_func(parser, no_space);
    uint64_t total = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, CHUNK);
        if (n < 0) {
            if (errno == EINTR) continue;
            fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
            exit(1);
        }
        if (n == 0) break;
        if (csv_parse(parser, buffer, (size_t)n, on_field, on_record, counts) != (size_t)n) {
            fprintf(stderr, "floor: %s: %s\n", path, csv_strerror(csv_error(parser)));
            exit(1);
        }
        total += (uint64_t)n;
    }
    if (csv_fini(parser, on_field, on_record, counts) != 0) {
        fprintf(stderr, "floor: %s: %s\n", path, csv_strerror(csv_error(parser)));
        exit(1);
    }
    csv_free(parser);
    close(fd);
    return total;
}

static void check(lxw_error err, const char *what) {
    if (err != LXW_NO_ERROR) {
        fprintf(stderr, "floor: %s: %s\n", what, lxw_strerror(err));
        exit(1);
    }
}

static void write_workbook(const char *path, uint64_t cells) {
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *workbook = workbook_new_opt(path, &options);
    if (workbook == NULL) {
        fprintf(stderr, "floor: cannot create %s\n", path);
        exit(1);
    }
    /* Share of the cells per sheet, in per mille (summary, pay, deductions, problems, notes). */
    static const unsigned share[5] = {400, 340, 240, 10, 10};
    static const char *names[5] = {"sheet1", "sheet2", "sheet3", "sheet4", "sheet5"};
    uint64_t left = cells;
    char text[32];
    for (int s = 0; s < 5; s++) {
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, names[s]);
        uint64_t mine = (s == 4) ? left : cells * share[s] / 1000;
        if (mine > left) mine = left;
        left -= mine;
        for (uint64_t i = 0; i < mine; i++) {
            lxw_row_t row = (lxw_row_t)(i / ROW_CELLS);
            lxw_col_t col = (lxw_col_t)(i % ROW_CELLS);
            if (col < STRING_COLS) {
                snprintf(text, sizeof text, "QH%06llu-%u", (unsigned long long)row, (unsigned)col);
                check(worksheet_write_string(sheet, row, col, text, NULL), "write_string");
            } else {
                check(worksheet_write_number(sheet, row, col, (double)((row * 37u + col) % 500000u) / 100.0, NULL),
                      "write_number");
            }
        }
    }
    check(workbook_close(workbook), "workbook_close");
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: floor <cells> <out.xlsx> <csv files...>\n");
        return 2;
    }
    char *end = NULL;
    unsigned long long cells = strtoull(argv[1], &end, 10);
    if (end == argv[1] || *end != '\0') {
        fprintf(stderr, "floor: bad cell count '%s'\n", argv[1]);
        return 2;
    }
    char *buffer = malloc(CHUNK);
    if (buffer == NULL) return 1;
    struct csv_parser parser;
    struct counts counts = {0, 0};
    uint64_t bytes = 0;
    for (int i = 3; i < argc; i++) bytes += parse_file(argv[i], &parser, &counts, buffer);
    free(buffer);
    write_workbook(argv[2], cells);
    printf("records=%llu fields=%llu bytes=%llu cells=%llu\n", (unsigned long long)counts.records,
           (unsigned long long)counts.fields, (unsigned long long)bytes, cells);
    return 0;
}
