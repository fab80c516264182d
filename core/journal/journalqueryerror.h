#pragma once

#include <stdexcept>

namespace vigil
{

// A journal query failed (bad filter, database missing or unreadable): carried by the query's
// future, its message names what and where.
class JournalQueryError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace vigil
