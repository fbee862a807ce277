"""The job table. Where each part of it lives:

- job_table: the widget (keys, messages, what the screen calls); it owns the parts below.
- rows: the jobs, their shown order and the cursor (pure state).
- shown_jobs: which jobs are shown (filter), in what order (sort keys), how many.
- column_layout: the columns, which fit a width, which is under a click.
- row_cells: what one row says, cell by cell, and the header's titles.
- row_strips: a row as terminal cells, cached, and which cells changed (with line_diff).
- table_painter: rows onto screen lines; a change refreshes only the cells it moved.
- cursor_and_sort: cursor moves, clicks and sorting, and the re-sort after a change.
- row_updates: new and changed jobs, bar easing, and the clock's tick.
- messages: what the table tells its screen.
"""
