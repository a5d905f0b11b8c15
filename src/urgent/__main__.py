from urgent.cli import app

app(prog_name="urgent")
