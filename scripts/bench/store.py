"""Generated stores of assessment files, and `maturity list` / `progress` timed over them."""
import copy, json, os, random, shutil, subprocess, tempfile, time

# The 42 integrated care systems of England (names as the boards use them).
SYSTEMS = [
    "Bath and North East Somerset, Swindon and Wiltshire", "Bedfordshire, Luton and Milton Keynes",
    "Birmingham and Solihull", "Black Country", "Bristol, North Somerset and South Gloucestershire",
    "Buckinghamshire, Oxfordshire and Berkshire West", "Cambridgeshire and Peterborough", "Cheshire and Merseyside",
    "Cornwall and the Isles of Scilly", "Coventry and Warwickshire", "Derby and Derbyshire", "Devon", "Dorset",
    "Frimley", "Gloucestershire", "Greater Manchester", "Hampshire and Isle of Wight",
    "Herefordshire and Worcestershire", "Hertfordshire and West Essex", "Humber and North Yorkshire", "Kent and Medway",
    "Lancashire and South Cumbria", "Leicester, Leicestershire and Rutland", "Lincolnshire",
    "Mid and South Essex", "Norfolk and Waveney", "North Central London", "North East and North Cumbria",
    "North East London", "North West London", "Northamptonshire", "Nottingham and Nottinghamshire",
    "Shropshire, Telford and Wrekin", "Somerset", "South East London", "South West London",
    "South Yorkshire", "Staffordshire and Stoke-on-Trent", "Suffolk and North East Essex", "Surrey Heartlands",
    "Sussex", "West Yorkshire",
]
NOTE_WORDS = ("board minutes evidence strategy anchor institution local employment living wage apprenticeships "
              "procurement social value net zero travel plan estates carbon partnership council college "
              "recovery plan investment skills workforce people plan audit committee review agreed").split()


def slug(name):
    text = "".join(c.lower() if c.isalnum() and c.isascii() else "-" for c in name)
    while "--" in text:
        text = text.replace("--", "-")
    return text.strip("-")[:40].strip("-")


def identity(name):
    """The system's identity as maturity derives it from a plain ASCII name: its words, lowercase, joined by hyphens."""
    text = "".join(c.lower() if c.isalnum() and c.isascii() else "-" for c in name)
    return "-".join(word for word in text.split("-") if word)


def note(rng):
    return " ".join(rng.choice(NOTE_WORDS) for _ in range(rng.randint(12, 40))).capitalize() + "."


def templates(binary, scratch, count, rng):
    """`count` assessment files written by maturity itself from random answers (so their placements are
    the rules' own), nine in ten complete; with each area's criteria."""
    env = dict(os.environ, MATURITY_STORE=os.path.join(scratch, "templates"), HOME=scratch)
    shown = subprocess.run([binary, "frameworks", "show", "ics-social-economic-development", "--format", "json"],
                           env=env, check=True, capture_output=True, text=True).stdout
    framework = json.loads(shown)
    stages = [stage["id"] for stage in framework["stages"]]
    criteria = {area["id"]: [c["id"] for c in area["criteria"]] for area in framework["areas"]}
    made = []
    for index in range(count):
        # Each area is meant to reach a stage: its criteria and those below mostly in place, the rest
        # mostly not, with some left unsure or unanswered, as boards answer.
        answers = {}
        for area in framework["areas"]:
            reached = rng.randint(-1, len(stages) - 1)
            for criterion in area["criteria"]:
                if rng.random() < 0.05:
                    continue
                within = stages.index(criterion["stage"]) <= reached
                answers[criterion["id"]] = rng.choices(["yes", "partly", "no", "unsure"],
                                                       [90, 6, 2, 2] if within else [10, 40, 40, 10])[0]
        sheet = os.path.join(scratch, "answers.json")
        with open(sheet, "w") as handle:
            json.dump(answers, handle)
        complete = ["--complete"] if index % 10 else []
        path = subprocess.run([binary, "new", "--system", f"Template {index}", "--date", "2020-01-01",
                               "--answers", sheet] + complete, env=env, check=True, capture_output=True,
                              text=True).stdout.strip()
        with open(path) as handle:
            made.append(json.load(handle))
        os.remove(path)
    return made, criteria


def generate(binary, folder, count, seed=42):
    """`count` assessments of the 42 systems, one every few days back from 2024, each a copy of a template
    that maturity wrote and placed, with its own system, date, notes and actions (which placement does
    not read)."""
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    scratch = tempfile.mkdtemp(prefix="maturity-templates-")
    try:
        bases, criteria = templates(binary, scratch, 60, rng)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    per_system = -(-count // len(SYSTEMS))
    written = 0
    for index in range(per_system):
        for system in SYSTEMS:
            if written == count:
                return
            day = 20000 - index * 3 + rng.randint(0, 2)           # days since 1970: back from 2024-10
            date = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
            data = copy.deepcopy(rng.choice(bases))
            data["system"] = system + " ICS"
            data["systemID"] = identity(system + " ICS")
            data["date"] = date
            data["participants"] = ["Chair", "Chief executive", "Director of strategy", "Non-executive director"]
            for area in data["areas"]:
                area["notes"] = {criterion: note(rng) for criterion in criteria[area["id"]] if rng.random() < 0.4}
                area["actions"] = [{"id": f"a{n + 1}", "what": note(rng)[:120], "owner": "Director of strategy",
                                    "due": date, "status": rng.choice(["not-started", "in-progress", "done"])}
                                   for n in range(rng.randint(0, 3))]
            name = f"{date}-{slug(system + ' ICS')}.json"
            with open(os.path.join(folder, name), "w") as handle:
                json.dump(data, handle, indent=2, sort_keys=True)
            written += 1


def timed_command(argv, env):
    """Wall time (s) and peak resident memory (MiB) of one run of `argv`, which must succeed."""
    # GNU time reports the peak: a child forked from this Python would count the Python's pages in it.
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.monotonic()
        process = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", peak.name] + argv, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        errors = process.stderr.read().decode(errors="replace")
        status = process.wait()
        elapsed = time.monotonic() - start
        kilobytes = peak.read().split()
    if status != 0:
        raise RuntimeError(f"{argv} failed: {errors[:500]}")
    return elapsed, int(kilobytes[-1]) / 1024


def timed(binary, args, env):
    """`maturity ARGS`: wall time (s) and peak resident memory (MiB) of one run."""
    return timed_command([binary] + args, env)


def python_pass(script, folder, env):
    """The reference pass's own wall time (s), as it prints it: the interpreter's start left out."""
    printed = subprocess.run(["python3", script, folder], env=env, check=True, capture_output=True, text=True).stdout
    # "python pass: N files, S.SSS s"
    return float(printed.strip().split(",")[-1].split()[0])
