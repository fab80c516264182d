#pragma once

#include "confignode.h"

#include <vector>

namespace vigil
{

class Diagnostics;

// A CSV tag list: a header row naming the columns, then one tag per row. Each row is turned into
// the same table shape as a [[tags]] entry of the plant file (range_lo/range_hi become
// range = [lo, hi], raw_lo.. become scale = {...}), so one TagReader validates both.
//
// Columns: id, description, device, address, type, unit, range_lo, range_hi, raw_lo, raw_hi,
// eu_lo, eu_hi, gain, offset, deadband, deadband_percent, decimals, writable, write_lo,
// write_hi, scan.
class TagListFile
{
public:
    static QStringList columns();
    // Returns one table per well-formed row. Rows with the wrong number of cells and unknown
    // or repeated header columns are reported and skipped.
    static std::vector<ConfigNode> read(const QString &path, Diagnostics &diagnostics);
};

} // namespace vigil
