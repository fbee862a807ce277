"""The job table: which jobs it shows and in what order (view), the cells of a row
(columns), how rows are painted and only changed cells sent (row_painter, painting,
line_diff), and what its keys do (actions)."""
