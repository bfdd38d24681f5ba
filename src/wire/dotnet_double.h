// Doubles as .NET writes them: XmlConvert.ToString(double), i.e. double.ToString("R") -- the
// shortest digits that read back exactly, plain for 1e-5 < |x| < 1e15 (`0.5`, `12`, `0`), `1E+15` /
// `1E-05` outside that, `NaN`, `INF`, `-INF`. Json.NET writes the same digits and adds `.0` when
// there is neither a point nor an exponent (see wire/json_writer.h). Thread safety: reentrant.
#pragma once

#include <string>

namespace projectd {

void append_dotnet_double(std::string& out, double value);

}  // namespace projectd
