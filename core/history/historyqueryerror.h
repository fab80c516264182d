#pragma once

#include <stdexcept>

namespace vigil
{

// A history query failed (database unreachable, corrupt chunk): carried by the query's future.
class HistoryQueryError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace vigil
